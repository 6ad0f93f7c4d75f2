using Computor.Git;
using LibGit2Sharp;

namespace Computor.Runner.Workspaces;

/// <summary>
/// Writes one commit's files, or one folder of them, from the repository's mirror, fetching only when the commit is
/// not there yet (ADR 22). The target gets the files and no history. Credentials come from configuration, are
/// handed to libgit2 only, and never appear in the URL, a log line or a reason.
/// </summary>
public sealed class GitCheckout(GitCredentials credentials, RepositoryMirrors mirrors)
{
    // Branches and tags, as a clone has them.
    static readonly string[] RefSpecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

    /// <param name="directory">The one folder to write (relative, checked by the caller), or null for the whole tree.</param>
    public async Task Checkout(string url, string commit, string target, string? directory, CancellationToken cancellationToken)
    {
        using var mirror = await mirrors.Enter(url, cancellationToken);
        await Task.Run(() =>
        {
            try
            {
                var fetched = !Holds(mirror, commit);
                if (fetched)
                    Fetch(mirror, url);
                Write(mirror, commit, target, directory, url);
                if (fetched)
                    mirror.ForgetIfTooLarge();
            }
            catch (LibGit2SharpException e)
            {
                var reason = credentials.Redact(e.Message);
                throw new WorkspaceException($"cannot fetch {GitCredentials.Describe(url)} at {Short(commit)}: {reason}");
            }
        }, cancellationToken);
    }

    static bool Holds(RepositoryMirrors.Mirror mirror, string commit)
    {
        using var repository = new Repository(mirror.Path);
        return repository.Lookup<Commit>(commit) is not null;
    }

    /// <summary>What the repository has new; a mirror that cannot be updated is fetched anew, once.</summary>
    void Fetch(RepositoryMirrors.Mirror mirror, string url)
    {
        var fetch = new FetchOptions { CredentialsProvider = credentials.For(url), Prune = true, TagFetchMode = TagFetchMode.None };
        try
        {
            using var repository = new Repository(mirror.Path);
            Commands.Fetch(repository, RepositoryMirrors.Mirror.Remote, RefSpecs, fetch, logMessage: null);
        }
        catch (LibGit2SharpException)
        {
            // A runner killed during a fetch can leave lock files and half-written refs behind.
            mirror.Reset();
            using var repository = new Repository(mirror.Path);
            Commands.Fetch(repository, RepositoryMirrors.Mirror.Remote, RefSpecs, fetch, logMessage: null);
        }
    }

    /// <summary>
    /// libgit2's checkout of the folder's own tree into its place under the target, with an index of its own beside
    /// the target: no pathspec, so folder names with <c>*</c>, <c>?</c> or <c>[</c> mean themselves, and libgit2's
    /// path checks (no <c>.git</c>, no <c>..</c>) apply as they do to a clone. It moves the mirror's HEAD, which
    /// nothing reads, while the mirror is held. A folder the commit lacks is not created.
    /// </summary>
    static void Write(RepositoryMirrors.Mirror mirror, string commit, string target, string? directory, string url)
    {
        var folder = directory is null ? "" : string.Join('/', directory.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));
        ObjectId tree;
        using (var repository = new Repository(mirror.Path))
        {
            var found = repository.Lookup<Commit>(commit)
                ?? throw new WorkspaceException($"commit {Short(commit)} not found in {GitCredentials.Describe(url)}");
            if ((folder.Length == 0 ? found.Tree : found[folder]?.Target) is not Tree wanted)
                return;
            (tree, commit) = (wanted.Id, found.Sha);
        }
        var place = Path.Combine(target, folder);
        Directory.CreateDirectory(place);
        var index = target + ".index";
        try
        {
            using var repository = new Repository(mirror.Path, new RepositoryOptions { WorkingDirectoryPath = place, IndexPath = index });
            Commands.Checkout(repository, repository.Lookup<Tree>(tree), new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force }, commit);
        }
        finally
        {
            File.Delete(index);
        }
    }

    static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
