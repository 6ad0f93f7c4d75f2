using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Workspaces;

/// <summary>
/// Reference checkouts (assignments repository at a released commit), fetched once and reused by
/// every run of that commit. A commit never changes, so an entry never goes stale; entries are
/// created under a per-key lock and renamed into place, and the least recently used are evicted
/// beyond <see cref="GitOptions.CacheEntries"/>, never while a run holds them.
/// </summary>
public sealed class ReferenceCache(GitCheckout git, IOptions<GitOptions> options)
{
    readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new();
    readonly ConcurrentDictionary<string, int> leases = new();

    string Root => options.Value.CacheDirectory;

    public async Task<Lease> Get(string url, string commit, CancellationToken cancellationToken)
    {
        var key = Key(url, commit);
        var path = Path.Combine(Root, key);
        var gate = locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            leases.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (Directory.Exists(path))
                Directory.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            else
                await Fetch(url, commit, path, cancellationToken);
        }
        catch
        {
            Release(key);
            throw;
        }
        finally
        {
            gate.Release();
        }
        Evict();
        return new Lease(this, key, path);
    }

    async Task Fetch(string url, string commit, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var partial = $"{path}.partial-{Guid.NewGuid():N}";
        try
        {
            await git.Checkout(url, commit, partial, directory: null, cancellationToken);
            Directory.Move(partial, path);
        }
        finally
        {
            DeleteTree(partial);
        }
    }

    void Evict()
    {
        var entries = new DirectoryInfo(Root).EnumerateDirectories()
            .Where(d => !d.Name.Contains(".partial-"))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(options.Value.CacheEntries);
        foreach (var entry in entries)
        {
            var gate = locks.GetOrAdd(entry.Name, _ => new SemaphoreSlim(1, 1));
            if (!gate.Wait(0))
                continue;
            try
            {
                if (leases.GetValueOrDefault(entry.Name) == 0)
                    DeleteTree(entry.FullName);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    void Release(string key) => leases.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1));

    static string Key(string url, string commit)
    {
        var repository = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
        var safeCommit = new string(commit.Where(char.IsAsciiLetterOrDigit).ToArray());
        return $"{repository}-{safeCommit}";
    }

    static void DeleteTree(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }

    /// <summary>A checkout a run is using; disposing it lets the cache evict the entry again.</summary>
    public sealed class Lease(ReferenceCache cache, string key, string path) : IDisposable
    {
        public string Path { get; } = path;
        public void Dispose() => cache.Release(key);
    }
}
