using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Workspaces;

/// <summary>
/// Checks out one commit of a repository with LibGit2Sharp. Credentials come from configuration,
/// are handed to libgit2 only, and never appear in the URL, a log line or a reason.
/// </summary>
public sealed class GitCheckout(IOptions<GitOptions> options)
{
    public void Checkout(string url, string commit, string target)
    {
        try
        {
            var cloneOptions = new CloneOptions { Checkout = false, RecurseSubmodules = false };
            cloneOptions.FetchOptions.CredentialsProvider = CredentialsFor(url);
            Repository.Clone(url, target, cloneOptions);
            using var repository = new Repository(target);
            var found = repository.Lookup<Commit>(commit)
                ?? throw new WorkspaceException($"commit {Short(commit)} not found in {Describe(url)}");
            Commands.Checkout(repository, found, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
        }
        catch (LibGit2SharpException e)
        {
            throw new WorkspaceException($"cannot fetch {Describe(url)} at {Short(commit)}: {Redact(e.Message, url)}");
        }
    }

    LibGit2Sharp.Handlers.CredentialsHandler? CredentialsFor(string url)
    {
        var credential = options.Value.Credentials
            .Where(c => c.UrlPrefix.Length > 0 && url.StartsWith(c.UrlPrefix, StringComparison.OrdinalIgnoreCase))
            .MaxBy(c => c.UrlPrefix.Length);
        return credential is null
            ? null
            : (_, _, _) => new UsernamePasswordCredentials { Username = credential.Username, Password = credential.Password };
    }

    string Redact(string message, string url) =>
        options.Value.Credentials.Where(c => c.Password.Length > 0).Aggregate(message, (m, c) => m.Replace(c.Password, "***"));

    /// <summary>A repository named without anything that could be a credential.</summary>
    static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path)
            : "the repository";

    static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
