using System.ComponentModel.DataAnnotations;

namespace Computor.Runner.Sandboxing;

/// <summary>Configuration section <c>Sandbox</c>; environment variables <c>Sandbox__*</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>
    /// Runs code without bubblewrap, as the runner's own user. For development machines without user
    /// namespaces only: it is logged as a warning at every run.
    /// </summary>
    public bool Disabled { get; set; }

    [Required] public string Bubblewrap { get; set; } = "/usr/bin/bwrap";
    [Required] public string Setpriv { get; set; } = "/usr/bin/setpriv";
    [Required] public string Prlimit { get; set; } = "/usr/bin/prlimit";
    [Required] public string Nice { get; set; } = "/usr/bin/nice";

    /// <summary>
    /// How much less CPU priority student code gets than the services (nice, 0-19): on a shared host, a
    /// deadline's sandboxes, or a submission that spins, must not slow the API that accepts and answers students.
    /// </summary>
    [Range(0, 19)] public int Niceness { get; set; } = 10;

    /// <summary>
    /// First of the unprivileged uids runs use when the runner is root: each concurrent slot gets two
    /// (student, reference), so runs cannot read each other's files or share a process limit.
    /// </summary>
    [Range(1000, 4_000_000)] public int FirstUid { get; set; } = 61000;

    /// <summary>Where runs stage their private copies of the code.</summary>
    [Required] public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), $"computor-runs-{Environment.UserName}");

    /// <summary>Put each sandbox in cgroup v1 memory and pids controllers (root runners only).</summary>
    public bool Cgroups { get; set; } = true;

    [Required] public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    [Range(1, 4096)] public int TmpSizeMb { get; set; } = 64;

    /// <summary>Defaults below apply when neither test.yaml, meta.yaml nor the course set a value.</summary>
    [Range(1, 3600)] public int TimeoutSeconds { get; set; } = 180;
    [Range(1, 3600)] public int CpuSeconds { get; set; } = 60;
    [Range(16, 65536)] public int MemoryMb { get; set; } = 1024;
    [Range(4, 4096)] public int MaxProcesses { get; set; } = 64;

    /// <summary>Upper bounds: material cannot raise a limit beyond these.</summary>
    [Range(1, 7200)] public int MaxTimeoutSeconds { get; set; } = 600;
    [Range(16, 65536)] public int MaxMemoryMb { get; set; } = 4096;
}
