using System.Text;
using Computor.Storage;

namespace Computor.Specs;

public class When_reports_are_kept_in_a_folder
{
    string folder = "";
    ReportStore store = null!;

    [SetUp]
    public void Create()
    {
        folder = Directory.CreateTempSubdirectory("computor-objects-").FullName;
        store = new ReportStore(new FileObjectStore(folder));
    }

    [TearDown]
    public void Delete() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_give_back_the_report_and_its_artifacts()
    {
        var run = Guid.NewGuid();
        var key = await store.Save(run, Encoding.UTF8.GetBytes("{\"result\":\"PASSED\"}"), [("c1_figure1.png", [0x89, 0x50])], CancellationToken.None);

        Assert.That(Encoding.UTF8.GetString((await store.Report(key, CancellationToken.None))!), Is.EqualTo("{\"result\":\"PASSED\"}"));
        Assert.That(await store.StoredArtifacts(run, CancellationToken.None), Is.EqualTo(new[] { new StoredArtifact("c1_figure1.png", 2) }));
        await using var artifact = (await store.Artifact(run, "c1_figure1.png", CancellationToken.None))!;
        Assert.That(artifact.ReadByte(), Is.EqualTo(0x89));
        Assert.That(Directory.GetFiles(folder, "*.partial", SearchOption.AllDirectories), Is.Empty, "no half-written object is left");
    }

    [Test]
    public async Task Should_store_only_the_report_of_a_run_without_artifacts()
    {
        var run = Guid.NewGuid();
        await store.Save(run, Encoding.UTF8.GetBytes("{}"), [], CancellationToken.None);

        Assert.That(await store.StoredArtifacts(run, CancellationToken.None), Is.Empty);
        Assert.That(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EqualTo(new[] { "testSummary.json" }));
    }

    [Test]
    public async Task Should_answer_null_for_a_run_without_a_report()
    {
        Assert.That(await store.Report(ReportStore.ReportKey(Guid.NewGuid()), CancellationToken.None), Is.Null);
        Assert.That(await store.StoredArtifacts(Guid.NewGuid(), CancellationToken.None), Is.Empty);
    }

    [TestCase("../outside.json")]
    [TestCase("results//x")]
    [TestCase("/etc/passwd")]
    public void Should_refuse_a_key_that_leaves_the_folder(string key) =>
        Assert.That(() => new FileObjectStore(folder).Put(key, [1], "application/octet-stream", CancellationToken.None), Throws.ArgumentException);
}
