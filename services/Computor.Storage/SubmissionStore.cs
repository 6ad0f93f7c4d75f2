namespace Computor.Storage;

/// <summary>Uploaded, sanitized submission archives: <c>submissions/{artifactId}.zip</c>.</summary>
public sealed class SubmissionStore(IObjectStore store)
{
    public static string Key(Guid artifactId) => $"submissions/{artifactId:D}.zip";

    public async Task<string> Save(Guid artifactId, byte[] zip, CancellationToken cancellationToken)
    {
        await store.Put(Key(artifactId), zip, "application/zip", cancellationToken);
        return Key(artifactId);
    }

    public Task<Stream?> Open(string key, CancellationToken cancellationToken) => store.Open(key, cancellationToken);
}
