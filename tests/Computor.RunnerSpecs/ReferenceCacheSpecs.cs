using Computor.Git;
using Computor.Runner.Workspaces;
using Microsoft.Extensions.Options;

namespace Computor.RunnerSpecs;

public class When_references_are_fetched
{
    static (ReferenceCache Cache, GitOptions Options) Cache(string directory, int entries = 8)
    {
        var options = Options.Create(new GitOptions { CacheDirectory = directory, CacheEntries = entries });
        var checkout = new GitCheckout(new GitCredentials(Options.Create(new GitCredentialOptions())), new RepositoryMirrors(options));
        return (new ReferenceCache(checkout, options), options.Value);
    }

    [Test]
    public async Task Should_fetch_a_commit_once_and_reuse_it()
    {
        using var git = new GitRepositories();
        var (path, commit) = git.Create("assignments", new Dictionary<string, string> { ["week1/test.yaml"] = "type: python\n" });
        var (cache, _) = Cache(Path.Combine(git.Root, "cache"));

        using (var first = await cache.Get(path, commit, CancellationToken.None))
            Assert.That(File.ReadAllText(Path.Combine(first.Path, "week1", "test.yaml")), Is.EqualTo("type: python\n"));
        Directory.Delete(path, recursive: true);
        using var again = await cache.Get(path, commit, CancellationToken.None);
        Assert.That(File.Exists(Path.Combine(again.Path, "week1", "test.yaml")), "served from the cache: the repository is gone");
        Assert.That(Directory.Exists(Path.Combine(again.Path, ".git")), Is.False, "the cache keeps the tree, not the history");
    }

    [Test]
    public async Task Should_fetch_once_when_many_runs_ask_at_the_same_time()
    {
        using var git = new GitRepositories();
        var (path, commit) = git.Create("assignments", new Dictionary<string, string> { ["a.txt"] = "a" });
        var (cache, _) = Cache(Path.Combine(git.Root, "cache"));
        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.Get(path, commit, CancellationToken.None)));
        Assert.That(leases.Select(l => l.Path).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Directory.GetDirectories(Path.Combine(git.Root, "cache")), Has.Length.EqualTo(1), "no partial checkouts left behind");
        foreach (var lease in leases)
            lease.Dispose();
    }

    [Test]
    public async Task Should_evict_the_least_recently_used_entries_but_not_one_in_use()
    {
        using var git = new GitRepositories();
        var commits = Enumerable.Range(0, 3).Select(i => git.Create($"r{i}", new Dictionary<string, string> { ["f.txt"] = $"{i}" })).ToList();
        var (cache, _) = Cache(Path.Combine(git.Root, "cache"), entries: 1);

        using var held = await cache.Get(commits[0].Path, commits[0].Commit, CancellationToken.None);
        (await cache.Get(commits[1].Path, commits[1].Commit, CancellationToken.None)).Dispose();
        (await cache.Get(commits[2].Path, commits[2].Commit, CancellationToken.None)).Dispose();

        Assert.That(Directory.Exists(held.Path), "an entry in use stays");
        Assert.That(Directory.GetDirectories(Path.Combine(git.Root, "cache")), Has.Length.EqualTo(2), "the unused older entry went");
    }

    [Test]
    public void Should_name_a_commit_that_is_not_in_the_repository()
    {
        using var git = new GitRepositories();
        var (path, _) = git.Create("assignments", new Dictionary<string, string> { ["a.txt"] = "a" });
        var (cache, _) = Cache(Path.Combine(git.Root, "cache"));
        var error = Assert.ThrowsAsync<WorkspaceException>(() => cache.Get(path, "0123456789abcdef0123456789abcdef01234567", CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("commit 0123456789ab not found"));
    }
}
