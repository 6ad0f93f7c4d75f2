namespace Computor.Storage;

/// <summary>
/// Objects as files below a folder (<c>ObjectStorage__Directory</c>), for the standalone host and small
/// installations. A file is written under a temporary name and moved into place, so a reader never sees
/// half an object; keys are checked so none leaves the folder.
/// </summary>
public sealed class FileObjectStore(string directory) : IObjectStore
{
    readonly string root = Path.GetFullPath(directory);

    public async Task Put(string key, byte[] data, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        await File.WriteAllBytesAsync(partial, data, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    public Task<Stream?> Open(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    string PathOf(string key)
    {
        var segments = key.Split('/');
        if (segments.Any(s => s is "" or "." or ".." || s.Contains('\\')))
            throw new ArgumentException($"'{key}' is not an object key inside the store", nameof(key));
        return Path.Combine([root, .. segments]);
    }
}
