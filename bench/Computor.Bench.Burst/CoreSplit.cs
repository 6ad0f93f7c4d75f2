using System.Globalization;

namespace Computor.Bench.Burst;

/// <summary>
/// Runners on cores of their own, as a deployment gives them hosts of their own. With <c>BENCH_RUNNER_CORES</c> (a
/// CPU list such as <c>1</c>) the runners with their sandboxes, and the raw limit, run on those cores and everything
/// else on the others, through cpuset cgroups (v1, root only). Without it everything shares every core.
/// </summary>
static class CoreSplit
{
    const string Hierarchy = "/sys/fs/cgroup/cpuset";
    static readonly string Groups = Path.Combine(Hierarchy, "computor-bench");

    public static string? RunnerCores { get; } = Environment.GetEnvironmentVariable("BENCH_RUNNER_CORES") is { Length: > 0 } cores ? cores : null;

    /// <summary>The cores everything else runs on: the online ones that are not the runners'.</summary>
    public static string OtherCores => string.Join(',', Cpus(File.ReadAllText(Path.Combine(Hierarchy, "cpuset.cpus"))).Except(Cpus(RunnerCores!)));

    /// <summary>Puts the tree named <paramref name="onRunnerCores"/> on the runners' cores and every other tree on the other cores.</summary>
    public static void Place(IReadOnlyDictionary<string, IReadOnlyList<int>> trees, string onRunnerCores)
    {
        if (RunnerCores is null)
            return;
        var runners = Group("runner-cores", RunnerCores);
        var others = Group("other-cores", OtherCores);
        foreach (var (name, pids) in trees)
            foreach (var pid in pids)
                Cgroups.Move(pid, name == onRunnerCores ? runners : others);
    }

    public static void Release()
    {
        if (RunnerCores is not null)
            Cgroups.Disband(Hierarchy, Groups);
    }

    static string Group(string name, string cpus)
    {
        if (!Directory.Exists(Hierarchy))
            throw new InvalidOperationException($"BENCH_RUNNER_CORES needs cgroup v1 cpusets at {Hierarchy}");
        var online = Cpus(File.ReadAllText(Path.Combine(Hierarchy, "cpuset.cpus")));
        var wanted = Cpus(RunnerCores!);
        if (wanted.Count == 0 || !wanted.IsSubsetOf(online) || wanted.SetEquals(online))
            throw new InvalidOperationException($"BENCH_RUNNER_CORES={RunnerCores} must name some, not all, of the cores {string.Join(',', online)}");
        var group = Path.Combine(Groups, name);
        try
        {
            // A cpuset takes no process, and no child cpuset, before it has memory nodes and cores of its own.
            var mems = File.ReadAllText(Path.Combine(Hierarchy, "cpuset.mems")).Trim();
            foreach (var (folder, cores) in new[] { (Groups, string.Join(',', online)), (group, cpus) })
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "cpuset.mems"), mems);
                File.WriteAllText(Path.Combine(folder, "cpuset.cpus"), cores);
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidOperationException("BENCH_RUNNER_CORES needs root: it places processes through cpuset cgroups");
        }
        return group;
    }

    /// <summary>The cores of a CPU list such as <c>0-3,6</c>.</summary>
    static HashSet<int> Cpus(string list) =>
        list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(part => part.Split('-') is [var from, var to]
            ? Enumerable.Range(int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture) - int.Parse(from, CultureInfo.InvariantCulture) + 1)
            : [int.Parse(part, CultureInfo.InvariantCulture)]).ToHashSet();
}
