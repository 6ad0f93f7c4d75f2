using System.Security.Cryptography;

namespace Computor.Runner.Matlab;

/// <summary>The harness (harness/computor_exec.m) in a folder every sandbox uid can read, copied once per version.</summary>
public sealed class MatlabHarness
{
    static readonly string Source = Path.Combine(AppContext.BaseDirectory, "harness", "computor_exec.m");

    readonly Lazy<string> folder = new(Copy);

    public string Folder => folder.Value;

    static string Copy()
    {
        var root = Path.Combine(Path.GetTempPath(), $"computor-matlab-{Environment.UserName}");
        var content = File.ReadAllBytes(Source);
        var target = Path.Combine(root, Convert.ToHexStringLower(SHA256.HashData(content))[..16]);
        if (File.Exists(Path.Combine(target, "computor_exec.m")))
            return target;
        var partial = $"{target}.{Guid.NewGuid():N}";
        Directory.CreateDirectory(partial);
        File.WriteAllBytes(Path.Combine(partial, "computor_exec.m"), content);
        File.SetUnixFileMode(Path.Combine(partial, "computor_exec.m"), (UnixFileMode)0b110_100_100);
        foreach (var directory in new[] { root, partial })
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        try
        {
            Directory.Move(partial, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            Directory.Delete(partial, recursive: true);
        }
        return target;
    }
}
