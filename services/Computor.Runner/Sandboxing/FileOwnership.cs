using System.Runtime.InteropServices;

namespace Computor.Runner.Sandboxing;

/// <summary>Gives a directory tree to a sandbox uid, so only that run's processes can read it.</summary>
static partial class FileOwnership
{
    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Lchown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint Geteuid();

    public static bool IsRoot => Geteuid() == 0;

    public static void GiveTree(string directory, int uid)
    {
        Give(directory, uid);
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions
                 { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            Give(entry, uid);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    static void Give(string path, int uid)
    {
        if (Lchown(path, uid, uid) != 0)
            throw new IOException($"cannot give {path} to uid {uid}: errno {Marshal.GetLastPInvokeError()}");
    }
}
