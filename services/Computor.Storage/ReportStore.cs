using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.Storage;

/// <summary>
/// Test reports and their artifacts in object storage, one folder per run:
/// <c>results/{correlationId}/testSummary.json</c> and <c>results/{correlationId}/artifacts/{name}</c>.
/// The report is written last, so its presence means the run's upload is complete. Artifacts are
/// listed in <c>artifacts.json</c> beside it (when there are any): reading a list needs no bucket listing rights.
/// </summary>
public sealed class ReportStore(IObjectStore store)
{
    const string ReportName = "testSummary.json";

    public static string ReportKey(Guid correlationId) => $"results/{correlationId:D}/{ReportName}";

    static string ManifestKey(Guid correlationId) => $"results/{correlationId:D}/artifacts.json";

    static string ArtifactPrefix(Guid correlationId) => $"results/{correlationId:D}/artifacts/";

    public async Task<string> Save(Guid correlationId, byte[] report, IReadOnlyList<(string Name, byte[] Data)> artifacts, CancellationToken cancellationToken)
    {
        foreach (var (name, data) in artifacts)
            await store.Put(ArtifactPrefix(correlationId) + Path.GetFileName(name), data, ContentTypes.Of(name), cancellationToken);
        // Most runs leave no figures; no list reads as an empty one, and the run saves a request to storage.
        if (artifacts.Count > 0)
        {
            var manifest = artifacts.Select(a => new StoredArtifact(Path.GetFileName(a.Name), a.Data.Length)).ToList();
            await store.Put(ManifestKey(correlationId), JsonSerializer.SerializeToUtf8Bytes(manifest), "application/json", cancellationToken);
        }
        await store.Put(ReportKey(correlationId), report, "application/json", cancellationToken);
        return ReportKey(correlationId);
    }

    /// <summary>The stored report, or null when this run has none (yet).</summary>
    public async Task<byte[]?> Report(string key, CancellationToken cancellationToken)
    {
        using var stream = await store.Open(key, cancellationToken);
        if (stream is null)
            return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>The run's artifacts with their sizes; manifests written before sizes were kept list names only.</summary>
    public async Task<IReadOnlyList<StoredArtifact>> StoredArtifacts(Guid correlationId, CancellationToken cancellationToken)
    {
        if (await Report(ManifestKey(correlationId), cancellationToken) is not { } manifest)
            return [];
        var entries = JsonNode.Parse(manifest)?.AsArray() ?? [];
        return entries.Select(e => e is JsonObject o
                ? new StoredArtifact(o["Name"]!.GetValue<string>(), o["Size"]?.GetValue<long>())
                : new StoredArtifact(e!.GetValue<string>(), null))
            .ToList();
    }

    public Task<Stream?> Artifact(Guid correlationId, string name, CancellationToken cancellationToken) =>
        store.Open(ArtifactPrefix(correlationId) + Path.GetFileName(name), cancellationToken);
}

/// <summary>A file a run left for the student (a figure), as listed in the run's manifest.</summary>
public sealed record StoredArtifact(string Name, long? Size);
