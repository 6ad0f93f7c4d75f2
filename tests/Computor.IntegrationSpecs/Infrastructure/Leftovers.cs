using System.ComponentModel;
using System.Diagnostics;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// What a run of the specs left behind when it was killed before its teardown (a CI job's time limit, a closed
/// terminal): its PostgreSQL, RabbitMQ, s3rver and service processes and their folders. Every process a run starts
/// inherits the run's mark in its environment and every server folder names its run, so the next run stops and removes
/// what belongs to runs that are gone, and leaves alone what belongs to runs still going.
/// </summary>
static class Leftovers
{
    public const string Mark = "COMPUTOR_SPECS_RUN";
    const string OwnerFile = ".computor-specs-run";

    /// <summary>This run: its process id and start time, so that a process id used again is not taken for it.</summary>
    public static string ThisRun { get; } = Identity(Environment.ProcessId)!;

    /// <summary>Marks every process this run starts from now on.</summary>
    public static void MarkThisRun() => Environment.SetEnvironmentVariable(Mark, ThisRun);

    /// <summary>Names this run as the owner of a folder it makes in the temporary directory.</summary>
    public static void Claim(string folder, string? run = null) => File.WriteAllText(Path.Combine(folder, OwnerFile), run ?? ThisRun);

    /// <summary>Stops the processes and removes the folders of runs that are gone; returns how many processes it stopped.</summary>
    public static async Task<int> Sweep()
    {
        var folders = Directory.EnumerateDirectories(Path.GetTempPath(), "computor-*")
            .Where(folder => Owner(folder) is { } run && !IsAlive(run))
            .ToList();
        foreach (var folder in folders)
            await StopDatabase(folder);
        var stopped = 0;
        foreach (var process in Process.GetProcesses())
            using (process)
                if (MarkOf(process.Id) is { } run && !IsAlive(run) && process.ProcessName != "epmd" && Kill(process))
                    stopped++;
        foreach (var folder in folders)
            Remove(folder);
        return stopped;
    }

    /// <summary>
    /// A PostgreSQL cluster is stopped by its script rather than killed: killed, it would leave its shared memory behind.
    /// epmd is left running, as RabbitMQ leaves it: the nodes of runs still going may be registered with it.
    /// </summary>
    static async Task StopDatabase(string folder)
    {
        var cluster = Path.Combine(folder, "postgres");
        if (!File.Exists(Path.Combine(cluster, "data", "postmaster.pid")))
            return;
        try { await Shell.Run(RepositoryRoot.Script("stop-postgres.sh"), cluster); }
        catch (InvalidOperationException) { } // its processes are killed with the rest
    }

    static bool Kill(Process process)
    {
        try
        {
            process.Kill();
            return true;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return false; // gone already, or another user's
        }
    }

    static void Remove(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    static string? Owner(string folder)
    {
        try { return File.ReadAllText(Path.Combine(folder, OwnerFile)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    static string? MarkOf(int pid)
    {
        try
        {
            var prefix = Mark + "=";
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    static bool IsAlive(string run) => int.TryParse(run.Split(':')[0], out var pid) && Identity(pid) == run;

    /// <summary><c>pid:start time</c>, the start time in clock ticks since boot (field 22 of /proc/pid/stat).</summary>
    public static string? Identity(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces and parentheses: fields are counted from its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid}:{fields[19]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
