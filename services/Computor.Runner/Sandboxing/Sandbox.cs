using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Sandboxing;

/// <summary>
/// Runs hostile code under bubblewrap: no network, read-only system, private /tmp, own pid namespace,
/// a clean environment, an unprivileged uid and cgroups (when the runner is root) and rlimits on CPU,
/// memory, processes, open files and file size. See docs/decisions/0006-sandbox.md.
/// </summary>
public sealed class Sandbox(IOptions<SandboxOptions> options, ILogger<Sandbox> logger)
{
    /// <summary>Bytes of a sandbox's stdout the runner keeps; the rest is read and dropped.</summary>
    public const int MaxOutputBytes = 64 << 20;
    const int MaxErrorBytes = 64 << 10;

    /// <summary>Paths the code needs from the host system, read-only, when they exist.</summary>
    static readonly string[] SystemPaths = ["/usr", "/etc/ld.so.cache", "/etc/fonts", "/etc/alternatives", "/etc/matplotlibrc"];

    public bool Enabled => !options.Value.Disabled;

    /// <summary>Where code inside the sandbox sees a mount (its host path when the sandbox is off).</summary>
    public string Visible(SandboxMount mount) => Enabled ? mount.SandboxPath : mount.HostPath;

    /// <summary>Proves a sandbox can be created; throws with the reason if not.</summary>
    public async Task Check(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            logger.LogWarning("SANDBOX DISABLED (Sandbox__Disabled=true): student code runs unconfined as the runner's user. Never do this in a deployment.");
            return;
        }
        var probe = Directory.CreateTempSubdirectory("computor-probe-");
        File.SetUnixFileMode(probe.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        try
        {
            var (exitCode, problem) = await Probe(probe.FullName, cancellationToken);
            if (exitCode != 0)
                throw new InvalidOperationException(
                    $"The sandbox cannot be created (bubblewrap: {problem}). " +
                    "Install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces; " +
                    "for development only, Sandbox__Disabled=true runs code unconfined.");
        }
        finally
        {
            probe.Delete(true);
        }
    }

    async Task<(int ExitCode, string Problem)> Probe(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Run(new SandboxCommand
            {
                Mounts = [new SandboxMount(directory, "/code", false)],
                WorkingDirectory = "/code",
                Arguments = ["/usr/bin/true"],
                Uid = options.Value.FirstUid,
            }, new SandboxLimits { WallSeconds = 10, CollectionTimeoutSeconds = 10, CpuSeconds = 5, MemoryMb = 256, MaxProcesses = 16 }, cancellationToken);
            return (result.ExitCode, $"exit code {result.ExitCode}: {result.Errors.Trim()}");
        }
        catch (Win32Exception e)
        {
            return (-1, $"{options.Value.Bubblewrap}: {e.Message}");
        }
    }

    public async Task<SandboxResult> Run(SandboxCommand command, SandboxLimits limits, CancellationToken cancellationToken)
    {
        using var cgroup = Enabled && options.Value.Cgroups && FileOwnership.IsRoot ? RunCgroup.Create(options.Value.CgroupRoot, limits) : null;
        var start = Lowered(Enabled ? Confined(command, limits) : Unconfined(command, limits));
        if (cgroup is not null)
            EnterFirst(start, cgroup);
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        using var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wall.CancelAfter(TimeSpan.FromSeconds(limits.WallSeconds));
        var output = ReadCapped(process.StandardOutput.BaseStream, MaxOutputBytes);
        var errors = ReadCapped(process.StandardError.BaseStream, MaxErrorBytes);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(command.Input, wall.Token);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited before reading its input; its exit code tells why.
        }
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(wall.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new SandboxResult(process.ExitCode, await output, Encoding.UTF8.GetString(await errors), timedOut);
    }

    ProcessStartInfo Confined(SandboxCommand command, SandboxLimits limits)
    {
        var o = options.Value;
        var start = new ProcessStartInfo(o.Bubblewrap);
        var args = start.ArgumentList;
        if (FileOwnership.IsRoot)
        {
            // Drop to the run's own uid before bubblewrap, which then sets up an unprivileged user namespace.
            start.FileName = o.Setpriv;
            foreach (var a in new[] { $"--reuid={command.Uid}", $"--regid={command.Uid}", "--clear-groups", "--inh-caps=-all", o.Bubblewrap })
                args.Add(a);
        }
        foreach (var a in new[] { "--unshare-all", "--die-with-parent", "--new-session", "--hostname", "sandbox", "--clearenv" })
            args.Add(a);
        foreach (var path in SystemPaths.Where(p => Path.Exists(p)))
            Add(args, "--ro-bind", path, path);
        foreach (var link in new[] { "bin", "lib", "lib64", "sbin" })
            Add(args, "--symlink", $"usr/{link}", $"/{link}");
        Add(args, "--proc", "/proc");
        Add(args, "--dev", "/dev");
        var tmpSize = (o.TmpSizeMb * 1024L * 1024).ToString(CultureInfo.InvariantCulture);
        Add(args, "--size", tmpSize, "--tmpfs", "/tmp");
        Add(args, "--size", tmpSize, "--tmpfs", "/dev/shm");
        foreach (var mount in command.Mounts)
            Add(args, mount.Writable ? "--bind" : "--ro-bind", mount.HostPath, mount.SandboxPath);
        // bubblewrap's own root and /dev are memory-backed and unbounded: nothing may be written there.
        Add(args, "--remount-ro", "/dev", "--remount-ro", "/");
        foreach (var (name, value) in Environment(limits))
            Add(args, "--setenv", name, value);
        Add(args, "--chdir", command.WorkingDirectory);
        args.Add("--");
        foreach (var a in Limits(limits))
            args.Add(a);
        foreach (var a in command.Arguments)
            args.Add(a);
        return start;
    }

    /// <summary>Started lowered, so every process of the run has the priority before it can fork.</summary>
    ProcessStartInfo Lowered(ProcessStartInfo start) => options.Value.Niceness == 0
        ? start
        : Prefixed(start, options.Value.Nice, "-n", options.Value.Niceness.ToString(CultureInfo.InvariantCulture));

    /// <summary>The sandbox starts inside the cgroups, so every process it makes is counted.</summary>
    static void EnterFirst(ProcessStartInfo start, RunCgroup cgroup) => Prefixed(start, "/bin/sh", "-c", cgroup.Enter, "sh");

    /// <summary>The same command, run by <paramref name="program"/> with <paramref name="arguments"/> before it.</summary>
    static ProcessStartInfo Prefixed(ProcessStartInfo start, string program, params string[] arguments)
    {
        var command = new[] { start.FileName }.Concat(start.ArgumentList).ToList();
        start.FileName = program;
        start.ArgumentList.Clear();
        foreach (var a in arguments.Concat(command))
            start.ArgumentList.Add(a);
        return start;
    }

    ProcessStartInfo Unconfined(SandboxCommand command, SandboxLimits limits)
    {
        logger.LogWarning("SANDBOX DISABLED: running {Program} unconfined", command.Arguments[0]);
        var start = new ProcessStartInfo(options.Value.Prlimit) { WorkingDirectory = Visible(command.Mounts[0]) };
        foreach (var a in Limits(limits).Skip(1).Concat(command.Arguments))
            start.ArgumentList.Add(a);
        foreach (var (name, value) in Environment(limits))
            start.Environment[name] = value;
        return start;
    }

    IEnumerable<string> Limits(SandboxLimits limits)
    {
        yield return options.Value.Prlimit;
        yield return $"--as={limits.MemoryMb * 1024L * 1024}";
        yield return $"--cpu={limits.CpuSeconds}";
        yield return $"--nproc={limits.MaxProcesses}";
        yield return $"--nofile={limits.MaxOpenFiles}";
        yield return $"--fsize={limits.MaxFileSizeMb * 1024L * 1024}";
        yield return "--core=0";
        yield return "--";
    }

    static IEnumerable<(string, string)> Environment(SandboxLimits limits)
    {
        foreach (var pair in limits.Environment)
            yield return (pair.Key, pair.Value);
        yield return ("PATH", "/usr/local/bin:/usr/bin:/bin");
        yield return ("HOME", "/tmp");
        yield return ("LANG", "C.UTF-8");
        yield return ("TMPDIR", "/tmp");
    }

    static void Add(IList<string> args, params string[] values)
    {
        foreach (var value in values)
            args.Add(value);
    }

    static async Task<byte[]> ReadCapped(Stream stream, int cap)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            // Keep draining past the cap so the program never blocks on a full pipe.
            if (kept.Length < cap)
                kept.Write(buffer, 0, (int)Math.Min(read, cap - kept.Length));
        }
        return kept.ToArray();
    }
}
