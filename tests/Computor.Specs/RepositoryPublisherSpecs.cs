using System.Text;
using Computor.Git;
using Computor.Release;
using LibGit2Sharp;

namespace Computor.Specs;

public class When_a_release_is_pushed
{
    string remote = "";
    readonly RepositoryPublisher publisher = new();

    [SetUp]
    public void CreateRemote()
    {
        remote = Directory.CreateTempSubdirectory("computor-remote-").FullName;
        Repository.Init(remote, isBare: true);
    }

    [TearDown]
    public void RemoveRemote()
    {
        Directory.Delete(remote, recursive: true);
    }

    static TemplateFile File(string path, string content) => new(path, Encoding.UTF8.GetBytes(content));

    Dictionary<string, string> Files()
    {
        using var repository = new Repository(remote);
        var tree = repository.Branches["main"].Tip.Tree;
        return Walk(tree, "").ToDictionary(f => f.Path, f => f.Content);
    }

    static IEnumerable<(string Path, string Content)> Walk(Tree tree, string prefix) => tree.SelectMany(entry =>
        entry.TargetType == TreeEntryTargetType.Tree
            ? Walk((Tree)entry.Target, prefix + entry.Name + "/")
            : [(prefix + entry.Name, ((Blob)entry.Target).GetContentText())]);

    [Test]
    public void Should_push_a_first_release_and_treat_the_same_content_again_as_done()
    {
        var files = new[] { File("week1/README.md", "# Week 1\n"), File("week1/sums.py", "") };
        var first = publisher.Publish(new GitRemote(remote, null), "main", "week1", files, "Release week1");
        var again = publisher.Publish(new GitRemote(remote, null), "main", "week1", files, "Release week1");
        Assert.That(first.Changed, Is.True);
        Assert.That(again, Is.EqualTo(first with { Changed = false }));
        Assert.That(Files(), Is.EqualTo(new Dictionary<string, string> { ["week1/README.md"] = "# Week 1\n", ["week1/sums.py"] = "" }));
    }

    [Test]
    public void Should_replace_only_the_released_directory()
    {
        publisher.Publish(new GitRemote(remote, null), "main", "week1", [File("week1/old.txt", "old"), File("week1/keep.txt", "1")], "one");
        publisher.Publish(new GitRemote(remote, null), "main", "week2", [File("week2/a.txt", "a")], "two");
        publisher.Publish(new GitRemote(remote, null), "main", "week1", [File("week1/keep.txt", "2")], "three");
        Assert.That(Files(), Is.EqualTo(new Dictionary<string, string> { ["week1/keep.txt"] = "2", ["week2/a.txt"] = "a" }));
    }

    [Test]
    public async Task Should_lose_no_release_when_several_run_at_once()
    {
        var releases = Enumerable.Range(1, 4).Select(i => Task.Run(() =>
            publisher.Publish(new GitRemote(remote, null), "main", $"week{i}", [File($"week{i}/README.md", $"{i}")], $"Release week{i}")));
        await Task.WhenAll(releases);
        Assert.That(Files().Keys, Is.EquivalentTo(Enumerable.Range(1, 4).Select(i => $"week{i}/README.md")), "no release lost another's commit");
    }

    [Test]
    public void Should_fail_with_the_repository_named_when_it_cannot_be_reached()
    {
        var error = Assert.Throws<ReleaseException>(() =>
            publisher.Publish(new GitRemote("http://127.0.0.1:9/nobody/assignments.git", null), "main", "week1", [File("week1/a", "a")], "x"));
        Assert.That(error!.Message, Does.StartWith("cannot publish to http://127.0.0.1:9/nobody/assignments.git"));
    }
}
