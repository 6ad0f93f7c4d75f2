namespace Computor.Runner.Workspaces;

/// <summary>Configuration section <c>Git</c>: credentials for private repositories and the reference cache.</summary>
public sealed class GitOptions
{
    public const string Section = "Git";

    /// <summary>Credentials by URL prefix (longest match wins); e.g. <c>Git__Credentials__0__UrlPrefix</c>.</summary>
    public List<GitCredential> Credentials { get; set; } = [];

    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), $"computor-references-{Environment.UserName}");

    /// <summary>Reference checkouts kept; the least recently used beyond this are removed.</summary>
    public int CacheEntries { get; set; } = 64;
}

public sealed class GitCredential
{
    public string UrlPrefix { get; set; } = "";
    public string Username { get; set; } = "oauth2";
    public string Password { get; set; } = "";

    /// <summary>Never the password: options are sometimes logged whole.</summary>
    public override string ToString() => $"{Username}@{UrlPrefix}";
}
