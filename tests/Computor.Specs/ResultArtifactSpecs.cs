using System.Text;
using Computor.Api.Testing;
using Computor.Persistence.Entities;
using Computor.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Computor.Specs;

public class When_a_finished_result_lists_its_files
{
    /// <summary>The folder store, counting what the API reads from it.</summary>
    sealed class CountedStore(IObjectStore inner) : IObjectStore
    {
        public int Reads { get; private set; }

        public Task Put(string key, byte[] data, string contentType, CancellationToken cancellationToken) =>
            inner.Put(key, data, contentType, cancellationToken);

        public Task<Stream?> Open(string key, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.Open(key, cancellationToken);
        }
    }

    string folder = "";
    CountedStore store = null!;
    ReportStore reports = null!;
    ResultArtifacts artifacts = null!;

    [SetUp]
    public void Create()
    {
        folder = Directory.CreateTempSubdirectory("computor-objects-").FullName;
        store = new CountedStore(new FileObjectStore(folder));
        reports = new ReportStore(store);
        artifacts = new ResultArtifacts(reports, NullLogger<ResultArtifacts>.Instance);
    }

    [TearDown]
    public void Delete() => Directory.Delete(folder, recursive: true);

    async Task<Result> Finished(int? counted, params string[] figures)
    {
        var run = Guid.NewGuid();
        await reports.Save(run, Encoding.UTF8.GetBytes("{}"), figures.Select(f => (f, new byte[] { 0x89, 0x50 })).ToList(),
            CancellationToken.None);
        return new Result { VersionIdentifier = "v1", TestSystemId = run, Status = ResultStatus.Finished, ArtifactCount = counted };
    }

    [Test]
    public async Task Should_list_none_without_asking_storage_when_its_runner_counted_none()
    {
        var result = await Finished(counted: 0);
        Assert.That(await artifacts.Of(result, CancellationToken.None), Is.Empty);
        Assert.That(store.Reads, Is.Zero);
    }

    [Test]
    public async Task Should_list_the_stored_files_when_its_runner_counted_them()
    {
        var result = await Finished(counted: 1, "c1_figure1.png");
        Assert.That((await artifacts.Of(result, CancellationToken.None)).Select(a => (a.Filename, a.FileSize)),
            Is.EqualTo(new[] { ("c1_figure1.png", (long?)2) }));
    }

    [Test]
    public async Task Should_look_in_storage_when_no_count_was_recorded()
    {
        // Results from before the count, and stored reports a runner announced again, carry none.
        var result = await Finished(counted: null, "c1_figure1.png");
        Assert.That((await artifacts.Of(result, CancellationToken.None)).Select(a => a.Filename), Is.EqualTo(new[] { "c1_figure1.png" }));
    }
}
