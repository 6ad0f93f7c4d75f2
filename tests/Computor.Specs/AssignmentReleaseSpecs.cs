using Computor.Git;
using Computor.Material;
using Computor.Release;
using LibGit2Sharp;

namespace Computor.Specs;

public class When_assignments_are_released
{
    string root = "";
    string Source => Path.Combine(root, "material");
    ReleaseTargets targets = null!;
    readonly AssignmentRelease release = new(new RepositoryPublisher());

    [SetUp]
    public void CreateRepositories()
    {
        root = Directory.CreateTempSubdirectory("computor-release-spec-").FullName;
        targets = new ReleaseTargets(new GitRemote(Path.Combine(root, "student-template.git"), null), new GitRemote(Path.Combine(root, "reference.git"), null));
        Repository.Init(targets.StudentTemplate.Url, isBare: true);
        Repository.Init(targets.Reference.Url, isBare: true);
        foreach (var week in new[] { "week1/sums", "week2/loops" })
        {
            Write($"{week}/meta.yaml", $"slug: {week.Split('/')[1]}\nproperties:\n  studentSubmissionFiles: [main.py]\n  executionBackend: {{slug: itpcp.exec.py}}\n");
            Write($"{week}/test.yaml", "type: python\nproperties:\n  tests:\n    - {name: a, tests: [{name: x}]}\n");
            Write($"{week}/main.py", "x = 1\n");
            Write($"{week}/content/index.md", "# Task\n");
            Write($"{week}/localTests/correctSolution/main.py", "x = 1\n");
        }
    }

    [TearDown]
    public void RemoveRepositories()
    {
        Directory.Delete(root, recursive: true);
    }

    void Write(string relative, string content)
    {
        var path = Path.Combine(Source, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    static IReadOnlyList<string> Paths(string repository)
    {
        using var repo = new Repository(repository);
        if (repo.Branches["main"] is not { } main)
            return [];
        return Walk(main.Tip.Tree, "").Order(StringComparer.Ordinal).ToList();
    }

    static IEnumerable<string> Walk(Tree tree, string prefix) => tree.SelectMany(entry =>
        entry.TargetType == TreeEntryTargetType.Tree ? Walk((Tree)entry.Target, prefix + entry.Name + "/") : [prefix + entry.Name]);

    [Test]
    public void Should_give_the_template_the_allow_list_and_the_reference_everything()
    {
        var released = release.Release(Source, ["week1/sums", "week2/loops"], targets);

        Assert.That(Paths(targets.StudentTemplate.Url), Is.EqualTo(new[]
        {
            "week1/sums/README.md", "week1/sums/main.py", "week2/loops/README.md", "week2/loops/main.py",
        }), "no test.yaml, meta.yaml, solution content or localTests/ in the template");
        Assert.That(Paths(targets.Reference.Url), Has.Member("week1/sums/test.yaml").And.Member("week1/sums/localTests/correctSolution/main.py"));
        Assert.That(released.Select(r => (r.Directory, r.Slug, r.ExecutionBackend)), Is.EqualTo(new[]
        {
            ("week1/sums", "sums", "itpcp.exec.py"), ("week2/loops", "loops", "itpcp.exec.py"),
        }));
        using var template = new Repository(targets.StudentTemplate.Url);
        Assert.That(((Blob)template.Branches["main"].Tip["week1/sums/main.py"].Target).Size, Is.Zero, "the submission file starts empty");
    }

    [Test]
    public void Should_change_nothing_when_the_same_material_is_released_again()
    {
        var first = release.Release(Source, ["week1/sums"], targets);
        var again = release.Release(Source, ["week1/sums"], targets);
        Assert.That(again.Single().Changed, Is.False);
        Assert.That(again.Single().ReferenceCommit, Is.EqualTo(first.Single().ReferenceCommit));
    }

    [Test]
    public void Should_push_nothing_when_one_directory_lacks_meta_yaml()
    {
        File.Delete(Path.Combine(Source, "week2/loops/meta.yaml"));
        var error = Assert.Throws<MaterialException>(() => release.Release(Source, ["week1/sums", "week2/loops"], targets));
        Assert.That(error!.Message, Is.EqualTo("week2/loops/meta.yaml: not found: every released assignment needs one"));
        Assert.That(Paths(targets.Reference.Url), Is.Empty);
        Assert.That(Paths(targets.StudentTemplate.Url), Is.Empty);
    }

    [Test]
    public void Should_push_nothing_when_a_test_yaml_is_malformed()
    {
        Write("week2/loops/test.yaml", "type: python\nproperties:\n  tests:\n    - name: a\n      tsets: []\n");
        var error = Assert.Throws<MaterialException>(() => release.Release(Source, ["week1/sums", "week2/loops"], targets));
        Assert.That(error!.Message, Does.StartWith("week2/loops/test.yaml: properties.tests[0].tsets: unknown key"));
        Assert.That(Paths(targets.Reference.Url), Is.Empty);
    }
}
