namespace Computor.Storage;

/// <summary>Objects by key: an S3-compatible bucket, or a folder for installations without one.</summary>
public interface IObjectStore
{
    Task Put(string key, byte[] data, string contentType, CancellationToken cancellationToken);

    /// <summary>The object's content, or null when there is none.</summary>
    Task<Stream?> Open(string key, CancellationToken cancellationToken);
}
