namespace Computor.Git;

/// <summary>
/// Configuration section <c>LocalGit</c>: the git provider for installations without GitLab. Bare repositories
/// live under <see cref="Root"/> (groups are folders) and the API serves them at <see cref="PublicUrl"/>.
/// </summary>
public sealed class LocalGitOptions
{
    public const string Section = "LocalGit";

    /// <summary>Where the bare repositories live; the API and the system service must both reach it.</summary>
    public string Root { get; set; } = "";

    /// <summary>Where students, runners and releases reach them, e.g. <c>http://localhost:8000/git</c>.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The API token releases push with (an administrator's): sent as the basic-auth password, never logged.</summary>
    public string Token { get; set; } = "";

    public bool IsConfigured => Root.Length > 0 && PublicUrl.Length > 0;
}
