using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Workspaces;

/// <summary>
/// A bare mirror of every repository runs check out, shared by the runners of a host (ADR 22). One checkout at a
/// time uses a mirror: a lock within the process, and a lock file across runner processes, which the kernel
/// releases when a runner is killed. What a killed runner leaves half-written is thrown away by <see cref="Mirror.Reset"/>.
/// </summary>
public sealed class RepositoryMirrors(IOptions<GitOptions> options)
{
    // flock's EWOULDBLOCK, as .NET reports a lock file another process holds (runners run on Linux only).
    const int LockHeldElsewhere = 11;

    readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();

    string Root => options.Value.Mirrors;

    /// <summary>The mirror of this repository, exclusively until disposed; created empty when there is none.</summary>
    public async Task<Mirror> Enter(string url, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32];
        var gate = gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        FileStream? held = null;
        try
        {
            Directory.CreateDirectory(Root);
            held = await LockFile(key, cancellationToken);
            var path = Path.Combine(Root, key);
            var lockFile = held;
            var mirror = new Mirror(path, url, options.Value.MirrorMaxMegabytes << 20, () =>
            {
                lockFile.Dispose();
                gate.Release();
            });
            // libgit2 reports a missing folder by a throw that IsValid catches; a new mirror is the common case in a burst.
            if (Directory.Exists(path) && Repository.IsValid(path))
                Directory.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            else
            {
                mirror.Reset();
                Evict();
            }
            return mirror;
        }
        catch
        {
            held?.Dispose();
            gate.Release();
            throw;
        }
    }

    async Task<FileStream> LockFile(string key, CancellationToken cancellationToken)
    {
        // Another runner on this host holds it for one fetch at most: wait briefly and often rather than long.
        for (var wait = 1; ; wait = Math.Min(2 * wait, 50))
        {
            if (TryLockFile(key) is { } held)
                return held;
            await Task.Delay(wait, cancellationToken);
        }
    }

    FileStream? TryLockFile(string key)
    {
        try
        {
            return new FileStream(Path.Combine(Root, key + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult == LockHeldElsewhere)
        {
            return null;
        }
    }

    /// <summary>The least recently used mirrors beyond <see cref="GitOptions.MirrorEntries"/>, unless one is in use.</summary>
    void Evict()
    {
        // Counting needs no file's times; sorting by them is only worth it once there are too many.
        if (Directory.EnumerateDirectories(Root).Count() <= options.Value.MirrorEntries)
            return;
        var stale = new DirectoryInfo(Root).EnumerateDirectories()
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(options.Value.MirrorEntries);
        foreach (var mirror in stale)
        {
            var gate = gates.GetOrAdd(mirror.Name, _ => new SemaphoreSlim(1, 1));
            if (!gate.Wait(0))
                continue;
            try
            {
                using var held = TryLockFile(mirror.Name);
                if (held is not null)
                    mirror.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next pass: a run that made a mirror does not fail over another one.
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>One repository's mirror, held exclusively.</summary>
    public sealed class Mirror(string path, string url, long maxBytes, Action release) : IDisposable
    {
        public const string Remote = "origin";

        const int MaxPacks = 32;

        public string Path { get; } = path;

        /// <summary>
        /// An empty bare repository in its place, fetching from the repository's URL: for a new mirror, or one a fetch
        /// could not update.
        /// </summary>
        public void Reset()
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
            Repository.Init(Path, isBare: true);
            using var repository = new Repository(Path);
            // Branches into branches: libgit2 also updates what a remote's own refspec names, and a default one would
            // keep a second copy of every branch under refs/remotes.
            repository.Network.Remotes.Add(Remote, url, "+refs/heads/*:refs/heads/*");
        }

        /// <summary>
        /// After a fetch: a mirror grown beyond the size a mirror may have is removed rather than kept, and so is one of
        /// too many packs. Each fetch adds a pack, libgit2 never repacks, and every lookup searches them all; the next
        /// run fetches the repository whole, into one.
        /// </summary>
        public void ForgetIfOutgrown()
        {
            var files = new DirectoryInfo(Path).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            if (files.Sum(f => f.Length) <= maxBytes && files.Count(f => f.Extension == ".pack") <= MaxPacks)
                return;
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The run has its files; a mirror left half-deleted is made anew by the next one.
            }
        }

        public void Dispose() => release();
    }
}
