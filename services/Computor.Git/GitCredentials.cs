using LibGit2Sharp.Handlers;
using Microsoft.Extensions.Options;

namespace Computor.Git;

/// <summary>
/// Credentials for a repository URL, handed to libgit2 only: never put into URLs, and blanked from
/// any message that could reach a log, a reason or a student.
/// </summary>
public sealed class GitCredentials(IOptions<GitCredentialOptions> options)
{
    public CredentialsHandler? For(string url) => Remote(url).Handler;

    /// <summary>The repository with the configured credential of the longest matching URL prefix, if any.</summary>
    public GitRemote Remote(string url) => new(url, options.Value.Credentials
        .Where(c => c.UrlPrefix.Length > 0 && url.StartsWith(c.UrlPrefix, StringComparison.OrdinalIgnoreCase))
        .MaxBy(c => c.UrlPrefix.Length));

    public string Redact(string message) =>
        options.Value.Credentials.Where(c => c.Password.Length > 0).Aggregate(message, (m, c) => m.Replace(c.Password, "***"));

    /// <summary>A repository named without anything that could be a credential.</summary>
    public static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path)
            : "the repository";
}
