using System.IO.Compression;
using Computor.Persistence.Entities;
using Computor.Storage;

namespace Computor.Api.Testing;

/// <summary>A result artifact as the client lists it; its id is its file name within the run.</summary>
public sealed record ResultArtifactView(string Id, string Filename, string ContentType, long? FileSize, DateTimeOffset? CreatedAt);

/// <summary>
/// The files a finished run left (figures): listed with sizes, or downloaded together as one ZIP. When object
/// storage cannot answer, a result lists none rather than failing, as its report does (<see cref="ResultReports"/>).
/// </summary>
sealed class ResultArtifacts(ReportStore store, ILogger<ResultArtifacts> logger)
{
    public async Task<IReadOnlyList<ResultArtifactView>> Of(Result result, CancellationToken ct)
    {
        if (result.Status != ResultStatus.Finished)
            return [];
        try
        {
            return await Listed(result, ct);
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e) || e is System.Text.Json.JsonException)
        {
            logger.LogWarning(e, "Artifacts of result {ResultId} could not be listed", result.Id);
            return [];
        }
    }

    async Task<IReadOnlyList<ResultArtifactView>> Listed(Result result, CancellationToken ct) =>
        (await Stored(result, ct))
            .Select(a => new ResultArtifactView(a.Name, a.Name, ContentTypes.Of(a.Name), a.Size, result.FinishedAt)).ToList();

    /// <summary>
    /// What the run's manifest lists. Most runs leave no files and their runner said so: no request to storage then,
    /// which for a missing manifest costs the storage server and the S3 client an error each, on every result read.
    /// </summary>
    public async Task<IReadOnlyList<StoredArtifact>> Stored(Result result, CancellationToken ct) =>
        result.ArtifactCount == 0 ? [] : await store.StoredArtifacts(result.TestSystemId, ct);

    /// <summary>A ZIP whose entry names are the listed file names; never an empty one because storage did not answer.</summary>
    public async Task<byte[]> Zip(Result result, CancellationToken ct)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var artifact in result.Status == ResultStatus.Finished ? await Listed(result, ct) : [])
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
