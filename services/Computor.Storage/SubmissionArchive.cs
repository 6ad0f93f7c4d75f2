using System.IO.Compression;

namespace Computor.Storage;

/// <summary>
/// A student's upload made safe to store and test: a zip whose entries sit under one top folder, which is
/// stripped. Absolute paths and <c>..</c> refuse the whole upload; hidden files, <c>.git*</c>,
/// <c>__pycache__</c>, compiled binaries and empty files are dropped. Sizes are counted as the entries
/// are actually inflated, so a zip bomb's headers cannot lie its way past the limits.
/// </summary>
public static class SubmissionArchive
{
    static readonly HashSet<string> Binaries = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pyc", ".pyo", ".pyd", ".so", ".dll", ".exe", ".o", ".obj", ".a", ".lib", ".dylib", ".class", ".jar", ".bin", ".mexa64", ".mexw64",
    };

    /// <summary>The kept files, repacked; or a <see cref="SubmissionArchiveException"/> saying what is wrong.</summary>
    public static Repacked Sanitize(Stream upload, ArchiveLimits limits)
    {
        // Read from memory: a request's file stream seeks differently, and a short non-zip then fails
        // with an I/O error instead of "not a zip".
        using var buffered = new MemoryStream();
        upload.CopyTo(buffered);
        buffered.Position = 0;
        var files = Read(buffered, limits);
        var kept = StripTopFolder(files).Where(f => Keep(f.Path, f.Data)).ToList();
        if (kept.Count == 0)
            throw new SubmissionArchiveException("the archive holds no files to test (hidden, compiled and empty files are left out)");
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, data) in kept.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(data);
            }
        return new Repacked(output.ToArray(), kept.Sum(f => (long)f.Data.Length), kept.Count);
    }

    /// <summary>Writes a stored (already sanitized) archive into an empty folder, checking every path again.</summary>
    public static void ExtractTo(Stream archive, string folder, ArchiveLimits limits)
    {
        var root = Path.GetFullPath(folder);
        foreach (var (path, data) in Read(archive, limits))
        {
            var target = Path.GetFullPath(Path.Combine(root, path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new SubmissionArchiveException($"'{path}' leaves the folder");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, data);
        }
    }

    static List<(string Path, byte[] Data)> Read(Stream upload, ArchiveLimits limits)
    {
        ZipArchive zip;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            // The central directory may be read here or on first access to the entries, depending on the stream.
            zip = new ZipArchive(upload, ZipArchiveMode.Read, leaveOpen: true);
            entries = zip.Entries;
        }
        catch (InvalidDataException)
        {
            throw new SubmissionArchiveException("the upload is not a zip archive");
        }
        using (zip)
        {
            if (entries.Count > limits.MaxEntries)
                throw new SubmissionArchiveException($"the archive has {entries.Count} entries; at most {limits.MaxEntries} are accepted");
            var files = new List<(string, byte[])>();
            long total = 0;
            foreach (var entry in entries)
            {
                var path = SafePath(entry.FullName);
                if (path.EndsWith('/'))
                    continue;
                var data = Inflate(entry, path, limits, limits.MaxUncompressedBytes - total);
                total += data.Length;
                files.Add((path, data));
            }
            return files;
        }
    }

    static byte[] Inflate(ZipArchiveEntry entry, string path, ArchiveLimits limits, long remaining)
    {
        try
        {
            using var source = entry.Open();
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > limits.MaxFileBytes)
                    throw new SubmissionArchiveException($"'{path}' is larger than {limits.MaxFileBytes / 1024 / 1024} MB");
                if (copy.Length > remaining)
                    throw new SubmissionArchiveException($"the archive unpacks to more than {limits.MaxUncompressedBytes / 1024 / 1024} MB");
            }
            return copy.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new SubmissionArchiveException($"'{path}' is damaged or uses an unsupported compression");
        }
    }

    /// <summary>The entry's path with '/' separators, or the refusal of an absolute or climbing one.</summary>
    static string SafePath(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.Length == 0 || path.StartsWith('/') || (path.Length > 1 && path[1] == ':') || path.Contains('\0'))
            throw new SubmissionArchiveException($"'{name}' is an absolute path");
        if (path.Split('/').Any(segment => segment == ".."))
            throw new SubmissionArchiveException($"'{name}' climbs out of the archive");
        if (path.Length > 400)
            throw new SubmissionArchiveException("an entry's path is longer than 400 characters");
        return path;
    }

    /// <summary>The client zips the assignment folder itself: one top folder over everything is taken off.</summary>
    static IEnumerable<(string Path, byte[] Data)> StripTopFolder(List<(string Path, byte[] Data)> files)
    {
        var tops = files.Select(f => f.Path.Split('/')).Select(s => s.Length > 1 ? s[0] : null).Distinct().ToList();
        return tops is [{ } top]
            ? files.Select(f => (f.Path[(top.Length + 1)..], f.Data))
            : files;
    }

    static bool Keep(string path, byte[] data) =>
        data.Length > 0
        && !path.Split('/').Any(s => s.Length == 0 || s.StartsWith('.') || s == "__pycache__")
        && !Binaries.Contains(Path.GetExtension(path));

    public sealed record Repacked(byte[] Zip, long TotalSize, int FilesCount);
}

/// <summary>What an upload may hold (section <c>Submissions</c>).</summary>
public sealed record ArchiveLimits
{
    public int MaxEntries { get; init; } = 1000;
    public long MaxFileBytes { get; init; } = 10L * 1024 * 1024;
    public long MaxUncompressedBytes { get; init; } = 50L * 1024 * 1024;
}

public sealed class SubmissionArchiveException(string message) : Exception(message);
