using Computor.Material;

namespace Computor.Runner.Execution;

/// <summary>
/// A private copy of a run's code, so the sandbox never sees (or changes) the originals: regular files
/// only, symbolic links dropped (a link could point the runner at a host file), size and count capped.
/// </summary>
public sealed class Staging : IDisposable
{
    const long MaxBytes = 200L << 20;
    const int MaxFiles = 5000;

    Staging(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Student => Path.Combine(Root, "student");
    public string Reference => Path.Combine(Root, "reference");

    public static Staging Create(string baseDirectory)
    {
        Directory.CreateDirectory(baseDirectory);
        // Others may pass through (the sandbox uids need to reach their own directory) but not list it.
        File.SetUnixFileMode(baseDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var root = Path.Combine(baseDirectory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                   | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return new Staging(root);
    }

    public static void Copy(string from, string to, string what)
    {
        if (!Directory.Exists(from))
            throw new MaterialException("specification.yaml", what, $"directory not found: {from}");
        long bytes = 0;
        var files = 0;
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos("*", new EnumerationOptions
                 { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
        {
            var relative = Path.GetRelativePath(from, entry.FullName);
            if (relative.Split(Path.DirectorySeparatorChar).Contains(".git"))
                continue;
            var target = Path.Combine(to, relative);
            if (entry is DirectoryInfo)
            {
                Directory.CreateDirectory(target);
                continue;
            }
            if (entry.LinkTarget is not null || entry is not FileInfo file)
                continue;
            bytes += file.Length;
            if (++files > MaxFiles || bytes > MaxBytes)
                throw new MaterialException(what, "", $"too large: more than {MaxFiles} files or {MaxBytes >> 20} MB");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            file.CopyTo(target, overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover staging directory only costs disk; StaleWorkspaceCleanup takes it at the next start.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
