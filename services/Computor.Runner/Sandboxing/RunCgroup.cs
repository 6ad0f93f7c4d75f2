using System.Globalization;

namespace Computor.Runner.Sandboxing;

/// <summary>
/// cgroup (v1) memory and pids controllers around one sandbox, so the limits hold for all of a run's
/// processes together, not per process as rlimits do. Only a root runner can create them.
/// </summary>
sealed class RunCgroup : IDisposable
{
    /// <summary>The controllers a run is limited by, and the folder under each that holds the runs' cgroups.</summary>
    public static readonly string[] Controllers = ["memory", "pids"];
    public const string Parent = "computor";

    readonly string[] directories;

    RunCgroup(string[] directories) => this.directories = directories;

    /// <summary>A new pair of cgroups with the limits applied, or null where cgroups cannot be used.</summary>
    public static RunCgroup? Create(string root, SandboxLimits limits)
    {
        var name = Guid.NewGuid().ToString("N");
        if (Controllers.Any(c => !Directory.Exists(Path.Combine(root, c))))
            return null;
        var cgroup = new RunCgroup(Controllers.Select(c => Path.Combine(root, c, Parent, name)).ToArray());
        var (memory, pids) = (cgroup.directories[0], cgroup.directories[1]);
        try
        {
            Directory.CreateDirectory(memory);
            Directory.CreateDirectory(pids);
            var bytes = (limits.MemoryMb * 1024L * 1024).ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), bytes);
            var withSwap = Path.Combine(memory, "memory.memsw.limit_in_bytes");
            if (File.Exists(withSwap))
                File.WriteAllText(withSwap, bytes);
            File.WriteAllText(Path.Combine(pids, "pids.max"), limits.MaxProcesses.ToString(CultureInfo.InvariantCulture));
            return cgroup;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cgroup.Dispose();
            return null;
        }
    }

    /// <summary>A shell line that moves itself into the cgroups, then runs its arguments.</summary>
    public string Enter => string.Join(" && ", directories.Select(d => $"echo $$ > '{d}/cgroup.procs'")) + " && exec \"$@\"";

    /// <summary>
    /// Removes the cgroups once the kernel has let go of the sandbox's processes (it tears a pid
    /// namespace down after the sandbox exits), in the background so the run's answer does not wait.
    /// </summary>
    public void Dispose() => _ = Task.Run(async () =>
    {
        foreach (var directory in directories)
            for (var attempt = 0; attempt < 100 && Directory.Exists(directory); attempt++)
            {
                try
                {
                    Directory.Delete(directory);
                }
                catch (IOException)
                {
                    await Task.Delay(20);
                }
                catch (UnauthorizedAccessException)
                {
                    break;
                }
            }
    });
}
