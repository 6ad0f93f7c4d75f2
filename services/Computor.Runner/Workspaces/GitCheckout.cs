using Computor.Git;
using LibGit2Sharp;

namespace Computor.Runner.Workspaces;

/// <summary>
/// Checks out one commit of a repository with LibGit2Sharp. Credentials come from configuration,
/// are handed to libgit2 only, and never appear in the URL, a log line or a reason.
/// </summary>
public sealed class GitCheckout(GitCredentials credentials)
{
    public void Checkout(string url, string commit, string target)
    {
        try
        {
            var cloneOptions = new CloneOptions { Checkout = false, RecurseSubmodules = false };
            cloneOptions.FetchOptions.CredentialsProvider = credentials.For(url);
            Repository.Clone(url, target, cloneOptions);
            using var repository = new Repository(target);
            var found = repository.Lookup<Commit>(commit)
                ?? throw new WorkspaceException($"commit {Short(commit)} not found in {GitCredentials.Describe(url)}");
            Commands.Checkout(repository, found, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
        }
        catch (LibGit2SharpException e)
        {
            throw new WorkspaceException($"cannot fetch {GitCredentials.Describe(url)} at {Short(commit)}: {credentials.Redact(e.Message)}");
        }
    }

    static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
