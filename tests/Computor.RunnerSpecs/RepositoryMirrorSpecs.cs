using Computor.Git;
using Computor.Runner.Workspaces;
using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace Computor.RunnerSpecs;

public class When_student_commits_are_checked_out
{
    sealed class Runner(string root, int mirrorEntries = 1000, long mirrorMaxMegabytes = 256)
    {
        public string Mirrors { get; } = Path.Combine(root, "mirrors");

        readonly GitCheckout git = new(new GitCredentials(Options.Create(new GitCredentialOptions())), new RepositoryMirrors(Options.Create(
            new GitOptions { MirrorDirectory = Path.Combine(root, "mirrors"), MirrorEntries = mirrorEntries, MirrorMaxMegabytes = mirrorMaxMegabytes })));

        /// <summary>A run's checkout of one folder, in a workspace of its own; returns the workspace.</summary>
        public async Task<string> Checkout(string repository, string commit, string directory = "week1")
        {
            var workspace = Path.Combine(root, "workspaces", Guid.NewGuid().ToString("N"));
            await git.Checkout(repository, commit, Path.Combine(workspace, "repository"), directory, CancellationToken.None);
            return workspace;
        }

        public FileStream HoldLikeAnotherRunner(string mirror) =>
            new(mirror + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    static string Solution(string workspace) => File.ReadAllText(Path.Combine(workspace, "repository", "week1", "solution.py"));

    [Test]
    public async Task Should_write_only_the_tested_folder_and_fetch_a_commit_only_when_the_mirror_lacks_it()
    {
        using var git = new GitRepositories();
        var (path, first) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n", ["week2/other.py"] = "y = 1\n" });
        var runner = new Runner(git.Root);

        var workspace = await runner.Checkout(path, first);
        Assert.That(Solution(workspace), Is.EqualTo("x = 1\n"));
        Assert.That(Directory.GetFileSystemEntries(workspace), Is.EqualTo(new[] { Path.Combine(workspace, "repository") }), "no index left beside it");
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(workspace, "repository")), Is.EqualTo(new[] { Path.Combine(workspace, "repository", "week1") }),
            "neither the other assignment nor a .git folder");

        var (_, second) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 2\n" });
        Assert.That(Solution(await runner.Checkout(path, second)), Is.EqualTo("x = 2\n"), "the new commit was fetched");
        Assert.That(Directory.GetDirectories(runner.Mirrors), Has.Length.EqualTo(1), "one mirror per repository");

        Directory.Delete(path, recursive: true);
        Assert.That(Solution(await runner.Checkout(path, first)), Is.EqualTo("x = 1\n"), "served from the mirror: the repository is gone");
        var missing = Assert.ThrowsAsync<WorkspaceException>(() => runner.Checkout(path, "0123456789abcdef0123456789abcdef01234567"));
        Assert.That(missing!.Message, Does.StartWith("cannot fetch"), "a commit the mirror lacks is fetched, and the repository is gone");
    }

    [Test]
    public async Task Should_make_a_new_mirror_without_a_throw()
    {
        // Every student's first run in a course makes a mirror; a throw caught inside is not free.
        using var git = new GitRepositories();
        var (path, commit) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n" });
        var runner = new Runner(git.Root);
        var missing = 0;
        void Count(object? sender, global::System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is RepositoryNotFoundException && e.Exception.Message.Contains(runner.Mirrors, StringComparison.Ordinal))
                Interlocked.Increment(ref missing);
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            Assert.That(Solution(await runner.Checkout(path, commit)), Is.EqualTo("x = 1\n"));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        Assert.That(missing, Is.Zero, "looking for the mirror that is not there yet threw");
    }

    [Test]
    public async Task Should_take_a_folder_name_with_pattern_characters_literally()
    {
        using var git = new GitRepositories();
        var (path, commit) = git.Create("student", new Dictionary<string, string>
        {
            ["ex[1]/solution.py"] = "x = 1\n", ["ex1/solution.py"] = "x = 2\n", ["a*b/solution.py"] = "x = 3\n",
        });
        var runner = new Runner(git.Root);

        var bracket = await runner.Checkout(path, commit, "ex[1]");
        Assert.That(Directory.GetDirectories(Path.Combine(bracket, "repository")), Is.EqualTo(new[] { Path.Combine(bracket, "repository", "ex[1]") }));
        Assert.That(File.ReadAllText(Path.Combine(bracket, "repository", "ex[1]", "solution.py")), Is.EqualTo("x = 1\n"));
        var star = await runner.Checkout(path, commit, "./a*b");
        Assert.That(File.ReadAllText(Path.Combine(star, "repository", "a*b", "solution.py")), Is.EqualTo("x = 3\n"));
        var missing = await runner.Checkout(path, commit, "ex2");
        Assert.That(Directory.Exists(Path.Combine(missing, "repository", "ex2")), Is.False, "a folder the commit lacks is not made");
    }

    [Test]
    public async Task Should_not_write_an_assignment_folder_that_the_commit_has_as_a_link()
    {
        using var git = new GitRepositories();
        var (path, _) = git.Create("student", new Dictionary<string, string> { ["readme.md"] = "hello\n" });
        // A host folder the runner can read: a linked assignment folder would have been copied into the sandbox.
        var host = Path.Combine(git.Root, "host");
        Directory.CreateDirectory(Path.Combine(host, "nested"));
        File.WriteAllText(Path.Combine(host, "nested", "secret.txt"), "runner secret\n");
        File.CreateSymbolicLink(Path.Combine(path, "week1"), host);
        File.CreateSymbolicLink(Path.Combine(path, "week2"), host);
        string commit;
        using (var repository = new Repository(path))
        {
            Commands.Stage(repository, ["week1", "week2"]);
            var author = new Signature("Specs", "specs@example.test", DateTimeOffset.UtcNow);
            commit = repository.Commit("links", author, author).Sha;
        }
        var runner = new Runner(git.Root);

        foreach (var folder in new[] { "week1", "week2/nested" })
        {
            var workspace = await runner.Checkout(path, commit, folder);
            Assert.That(Path.Exists(Path.Combine(workspace, "repository", folder)), Is.False, $"{folder} was written or links out");
        }
    }

    [Test]
    public async Task Should_check_out_many_runs_of_one_repository_at_once()
    {
        using var git = new GitRepositories();
        var commits = Enumerable.Range(1, 4)
            .Select(i => git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = $"x = {i}\n" }))
            .ToList();
        var runner = new Runner(git.Root);

        var runs = commits.SelectMany(c => Enumerable.Repeat(c, 3)).ToList();
        var workspaces = await Task.WhenAll(runs.Select(c => Task.Run(() => runner.Checkout(c.Path, c.Commit))));

        Assert.That(workspaces.Select(Solution), Is.EqualTo(runs.Select(c => $"x = {commits.IndexOf(c) + 1}\n")));
    }

    [Test]
    public async Task Should_fetch_anew_when_a_killed_runner_left_the_mirror_half_updated()
    {
        using var git = new GitRepositories();
        var (path, first) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n" });
        var runner = new Runner(git.Root);
        await runner.Checkout(path, first);
        // What a runner killed while updating a branch leaves: git's lock beside each ref.
        var mirror = Directory.GetDirectories(runner.Mirrors).Single();
        foreach (var branch in Directory.GetFiles(Path.Combine(mirror, "refs", "heads")))
            File.WriteAllText(branch + ".lock", "");

        var (_, second) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 2\n" });
        Assert.That(Solution(await runner.Checkout(path, second)), Is.EqualTo("x = 2\n"));
    }

    [Test]
    public async Task Should_wait_while_another_runner_on_the_host_holds_the_mirror()
    {
        using var git = new GitRepositories();
        var (path, first) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n" });
        var runner = new Runner(git.Root);
        await runner.Checkout(path, first);
        var (_, second) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 2\n" });

        Task<string> waiting;
        using (runner.HoldLikeAnotherRunner(Directory.GetDirectories(runner.Mirrors).Single()))
        {
            waiting = runner.Checkout(path, second);
            var first500Ms = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(500)));
            Assert.That(first500Ms, Is.Not.SameAs(waiting), "the checkout went ahead while the mirror was held");
        }
        Assert.That(Solution(await waiting), Is.EqualTo("x = 2\n"));
    }

    [Test]
    public async Task Should_test_a_repository_too_large_to_keep_and_then_not_keep_it()
    {
        using var git = new GitRepositories();
        var (path, small) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n" });
        var runner = new Runner(git.Root, mirrorMaxMegabytes: 1);
        await runner.Checkout(path, small);
        Assert.That(Directory.GetDirectories(runner.Mirrors), Has.Length.EqualTo(1), "a small repository is kept");

        // Two megabytes of text that compresses to no less than one and a half.
        var noise = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(1536 << 10));
        var (_, large) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = "x = 2\n", ["week1/data.txt"] = noise });
        Assert.That(Solution(await runner.Checkout(path, large)), Is.EqualTo("x = 2\n"));
        Assert.That(Directory.GetDirectories(runner.Mirrors), Is.Empty, "the grown mirror was not kept");
    }

    [Test]
    public async Task Should_fetch_a_mirror_whole_again_once_its_fetches_left_too_many_packs()
    {
        using var git = new GitRepositories();
        var runner = new Runner(git.Root);
        var packs = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var (path, commit) = git.Create("student", new Dictionary<string, string> { ["week1/solution.py"] = $"x = {i}\n" });
            Assert.That(Solution(await runner.Checkout(path, commit)), Is.EqualTo($"x = {i}\n"));
            packs.Add(Directory.GetDirectories(runner.Mirrors).Sum(m => Directory.GetFiles(m, "*.pack", SearchOption.AllDirectories).Length));
        }
        Assert.That(packs.Max(), Is.LessThanOrEqualTo(32), "every lookup searches every pack");
        Assert.That(packs.Skip(packs.IndexOf(packs.Max()) + 1).First(), Is.LessThanOrEqualTo(1), "the next run fetched the repository whole");
    }

    [Test]
    public async Task Should_keep_no_more_mirrors_than_configured_but_never_take_one_in_use()
    {
        using var git = new GitRepositories();
        var repositories = Enumerable.Range(0, 3)
            .Select(i => git.Create($"student{i}", new Dictionary<string, string> { ["week1/solution.py"] = $"x = {i}\n" }))
            .ToList();
        var runner = new Runner(git.Root, mirrorEntries: 1);

        await runner.Checkout(repositories[0].Path, repositories[0].Commit);
        var inUse = Directory.GetDirectories(runner.Mirrors).Single();
        using (runner.HoldLikeAnotherRunner(inUse))
        {
            await runner.Checkout(repositories[1].Path, repositories[1].Commit);
            await runner.Checkout(repositories[2].Path, repositories[2].Commit);
        }

        Assert.That(Directory.Exists(inUse), "a mirror another runner holds stays");
        Assert.That(Directory.GetDirectories(runner.Mirrors), Has.Length.EqualTo(2), "the unused older mirror went");
    }
}
