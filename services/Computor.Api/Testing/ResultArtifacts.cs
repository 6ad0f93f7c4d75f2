using System.IO.Compression;
using Computor.Persistence.Entities;
using Computor.Storage;

namespace Computor.Api.Testing;

/// <summary>A result artifact as the client lists it; its id is its file name within the run.</summary>
public sealed record ResultArtifactView(string Id, string Filename, string ContentType, long? FileSize, DateTimeOffset? CreatedAt);

/// <summary>The files a finished run left (figures): listed with sizes, or downloaded together as one ZIP.</summary>
sealed class ResultArtifacts(ReportStore store)
{
    public async Task<IReadOnlyList<ResultArtifactView>> Of(Result result, CancellationToken ct) =>
        result.Status == ResultStatus.Finished
            ? (await store.StoredArtifacts(result.TestSystemId, ct))
                .Select(a => new ResultArtifactView(a.Name, a.Name, ContentTypes.Of(a.Name), a.Size, result.FinishedAt)).ToList()
            : [];

    /// <summary>A ZIP whose entry names are the listed file names.</summary>
    public async Task<byte[]> Zip(Result result, CancellationToken ct)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var artifact in await Of(result, ct))
            {
                await using var source = await store.Artifact(result.TestSystemId, artifact.Filename, ct);
                if (source is null)
                    continue;
                await using var entry = await zip.CreateEntry(artifact.Filename, CompressionLevel.Fastest).OpenAsync(ct);
                await source.CopyToAsync(entry, ct);
            }
        return output.ToArray();
    }
}
