using System.Collections.Concurrent;
using Computor.Git;
using LibGit2Sharp;

namespace Computor.Release;

/// <summary>
/// Puts files into one directory of a repository's branch and pushes: the new tree is built from the
/// branch's tip with that directory replaced and everything else untouched, so no checkout is needed.
/// A push rejected because someone else pushed first is retried on the new tip; publishing the same
/// content again is a no-op that returns the existing commit.
/// </summary>
/// <remarks>
/// libgit2's own transport for local repositories checks fast-forward and moves the branch in two
/// steps, so two pushes can overwrite each other (a spec caught it). Publishes to one repository are
/// therefore serialised within this process; across processes, a git server (GitLab, our smart HTTP)
/// refuses the second push and the retry takes over.
/// </remarks>
public sealed class RepositoryPublisher
{
    const int Attempts = 10;
    readonly ConcurrentDictionary<string, object> repositories = new();

    public PublishedCommit Publish(GitRemote target, string branch, string directory, IReadOnlyList<TemplateFile> files, string message)
    {
        lock (repositories.GetOrAdd(target.Url, _ => new object()))
            return PublishAlone(target, branch, directory, files, message);
    }

    PublishedCommit PublishAlone(GitRemote target, string branch, string directory, IReadOnlyList<TemplateFile> files, string message)
    {
        var work = Directory.CreateTempSubdirectory("computor-release-");
        try
        {
            Repository.Init(work.FullName, isBare: true);
            using var repository = new Repository(work.FullName);
            var remote = repository.Network.Remotes.Add("origin", target.Url);
            for (var attempt = 1; ; attempt++)
            {
                Commands.Fetch(repository, remote.Name, [$"+refs/heads/{branch}:refs/remotes/origin/{branch}"],
                    new FetchOptions { CredentialsProvider = target.Handler }, null);
                var tip = repository.Branches[$"origin/{branch}"]?.Tip;
                var tree = Tree(repository, tip, directory, files);
                if (tip is not null && tree.Sha == tip.Tree.Sha)
                    return new PublishedCommit(tip.Sha, Changed: false);

                var author = new Signature("Computor", "computor@localhost", DateTimeOffset.UtcNow);
                var commit = repository.ObjectDatabase.CreateCommit(author, author, message, tree, tip is null ? [] : [tip], prettifyMessage: true);
                repository.Refs.Add($"refs/heads/{branch}", commit.Id, allowOverwrite: true);
                if (Push(repository, remote, branch, target) is not { } rejected)
                    return new PublishedCommit(commit.Sha, Changed: true);
                if (attempt == Attempts)
                    throw new ReleaseException($"pushing to {target.Describe()} was rejected {Attempts} times: {target.Redact(rejected)}");
            }
        }
        catch (LibGit2SharpException e)
        {
            throw new ReleaseException($"cannot publish to {target.Describe()}: {target.Redact(e.Message)}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    static Tree Tree(Repository repository, Commit? tip, string directory, IReadOnlyList<TemplateFile> files)
    {
        var definition = tip is null ? new TreeDefinition() : TreeDefinition.From(tip.Tree);
        if (tip?.Tree[directory] is not null)
            definition.Remove(directory);
        foreach (var file in files)
        {
            using var content = new MemoryStream(file.Content);
            definition.Add(file.Path, repository.ObjectDatabase.CreateBlob(content), Mode.NonExecutableFile);
        }
        return repository.ObjectDatabase.CreateTree(definition);
    }

    /// <summary>Null when the remote took the push, else why it refused.</summary>
    static string? Push(Repository repository, Remote remote, string branch, GitRemote target)
    {
        string? rejected = null;
        var options = new PushOptions { CredentialsProvider = target.Handler, OnPushStatusError = e => rejected = e.Message };
        try
        {
            repository.Network.Push(remote, $"refs/heads/{branch}:refs/heads/{branch}", options);
        }
        catch (NonFastForwardException e)
        {
            rejected = e.Message;
        }
        return rejected;
    }
}
