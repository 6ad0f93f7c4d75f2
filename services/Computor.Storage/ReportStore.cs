using System.Text.Json;

namespace Computor.Storage;

/// <summary>
/// Test reports and their artifacts in object storage, one folder per run:
/// <c>results/{correlationId}/testSummary.json</c> and <c>results/{correlationId}/artifacts/{name}</c>.
/// The report is written last, so its presence means the run's upload is complete. Artifacts are
/// listed in <c>artifacts.json</c> beside it: reading a list needs no bucket listing rights.
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
            await store.Put(ArtifactPrefix(correlationId) + Path.GetFileName(name), data, ContentType(name), cancellationToken);
        await store.Put(ManifestKey(correlationId), JsonSerializer.SerializeToUtf8Bytes(artifacts.Select(a => Path.GetFileName(a.Name))), "application/json", cancellationToken);
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

    public async Task<IReadOnlyList<string>> Artifacts(Guid correlationId, CancellationToken cancellationToken) =>
        await Report(ManifestKey(correlationId), cancellationToken) is { } manifest
            ? JsonSerializer.Deserialize<List<string>>(manifest) ?? []
            : [];

    public Task<Stream?> Artifact(Guid correlationId, string name, CancellationToken cancellationToken) =>
        store.Open(ArtifactPrefix(correlationId) + Path.GetFileName(name), cancellationToken);

    static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
