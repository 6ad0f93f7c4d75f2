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
                var (fetched, tree, sha) = Find(mirror, url, commit, directory);
                if (tree is not null)
                    Write(mirror, tree, sha, Path.Combine(target, Folder(directory)), target + ".index");
                if (fetched)
                    mirror.ForgetIfOutgrown();
            }
            catch (LibGit2SharpException e)
            {
                var reason = credentials.Redact(e.Message);
                throw new WorkspaceException($"cannot fetch {GitCredentials.Describe(url)} at {Short(commit)}: {reason}");
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The commit, fetched first when the mirror lacks it, and the tree of its folder: null when the commit has no
    /// such folder, or has it as a link or a file.
    /// </summary>
    (bool Fetched, ObjectId? Tree, string Sha) Find(RepositoryMirrors.Mirror mirror, string url, string commit, string? directory)
    {
        var repository = new Repository(mirror.Path);
        try
        {
            var fetched = repository.Lookup<Commit>(commit) is null;
            if (fetched)
                repository = Fetch(mirror, repository, url);
            var found = repository.Lookup<Commit>(commit)
                ?? throw new WorkspaceException($"commit {Short(commit)} not found in {GitCredentials.Describe(url)}");
            var folder = Folder(directory);
            var tree = folder.Length == 0 ? found.Tree : found[folder]?.Target as Tree;
            return (fetched, tree?.Id, found.Sha);
        }
        finally
        {
            repository.Dispose();
        }
    }

    /// <summary>
    /// What the repository has new, into the mirror opened as <paramref name="repository"/>; a mirror that cannot be
    /// updated is fetched anew, once. Returns the mirror opened as it is now.
    /// </summary>
    Repository Fetch(RepositoryMirrors.Mirror mirror, Repository repository, string url)
    {
        var fetch = new FetchOptions { CredentialsProvider = credentials.For(url), Prune = true, TagFetchMode = TagFetchMode.None };
        try
        {
            Commands.Fetch(repository, RepositoryMirrors.Mirror.Remote, RefSpecs, fetch, logMessage: null);
            return repository;
        }
        catch (LibGit2SharpException)
        {
            // A runner killed during a fetch can leave lock files and half-written refs behind.
            repository.Dispose();
            mirror.Reset();
            var fresh = new Repository(mirror.Path);
            try
            {
                Commands.Fetch(fresh, RepositoryMirrors.Mirror.Remote, RefSpecs, fetch, logMessage: null);
                return fresh;
            }
            catch
            {
                fresh.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// libgit2's checkout of the folder's own tree into its place, with an index of its own outside the workspace's
    /// folders: no pathspec, so folder names with <c>*</c>, <c>?</c> or <c>[</c> mean themselves, and libgit2's path
    /// checks (no <c>.git</c>, no <c>..</c>) apply as they do to a clone. It moves the mirror's HEAD, which nothing
    /// reads, while the mirror is held.
    /// </summary>
    static void Write(RepositoryMirrors.Mirror mirror, ObjectId tree, string commit, string place, string index)
    {
        Directory.CreateDirectory(place);
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

    /// <summary>The folder as a path inside the tree: "./week1/" is "week1", the whole tree "".</summary>
    static string Folder(string? directory) =>
        directory is null ? "" : string.Join('/', directory.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));

    static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
