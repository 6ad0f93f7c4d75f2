namespace Computor.Git;

/// <summary>Configuration section <c>Git</c>: credentials for private repositories.</summary>
public sealed class GitCredentialOptions
{
    public const string Section = "Git";

    /// <summary>Credentials by URL prefix (longest match wins); e.g. <c>Git__Credentials__0__UrlPrefix</c>.</summary>
    public List<GitCredential> Credentials { get; set; } = [];
}

public sealed class GitCredential
{
    public string UrlPrefix { get; set; } = "";
    public string Username { get; set; } = "oauth2";
    public string Password { get; set; } = "";

    /// <summary>Never the password: options are sometimes logged whole.</summary>
    public override string ToString() => $"{Username}@{UrlPrefix}";
}
