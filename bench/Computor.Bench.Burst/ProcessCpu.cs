using System.Globalization;

namespace Computor.Bench.Burst;

/// <summary>
/// CPU time of process trees. Where the benchmark may make cpuacct cgroups (root on cgroup v1), every snapshot moves
/// each tree's processes into a group of its own and reads the group's usage, so whatever they start later counts for
/// them. Otherwise the time comes from /proc: a live process's own time plus what the children it waited for used.
/// That misses the sandboxes: bubblewrap's outer process exits without waiting for the init of the sandbox's pid
/// namespace, so the kernel never hands the time of the student's interpreter up to the runner.
/// </summary>
static class ProcessCpu
{
    // /proc reports times in USER_HZ, which Linux fixes at 100 for user space.
    const double TicksPerSecond = 100;
    const string Hierarchy = "/sys/fs/cgroup/cpuacct";
    static readonly string Groups = Path.Combine(Hierarchy, "computor-bench");

    /// <summary>Whether the trees' time comes from cgroups, sandboxes included.</summary>
    public static bool Grouped { get; } = MayGroup();

    sealed record Entry(int Pid, int Parent, string CommandLine, double Seconds);

    /// <summary>Seconds used by each named tree; a tree is the processes with one of its root ids and their descendants.</summary>
    public static Dictionary<string, double> Snapshot(IReadOnlyDictionary<string, IReadOnlyCollection<int>> roots) =>
        Members(roots).ToDictionary(t => t.Key, t => Grouped ? InGroup(t.Key, t.Value) : t.Value.Sum(e => e.Seconds));

    /// <summary>The process ids of each named tree.</summary>
    public static Dictionary<string, IReadOnlyList<int>> Processes(IReadOnlyDictionary<string, IReadOnlyCollection<int>> roots) =>
        Members(roots).ToDictionary(t => t.Key, t => (IReadOnlyList<int>)t.Value.Select(e => e.Pid).ToList());

    static Dictionary<string, List<Entry>> Members(IReadOnlyDictionary<string, IReadOnlyCollection<int>> roots)
    {
        var entries = Entries();
        var children = entries.Values.ToLookup(e => e.Parent);
        // A tree ends where another named tree begins: the client started the services, but their time is their own.
        var named = roots.Values.SelectMany(r => r).ToHashSet();
        IEnumerable<Entry> Tree(int pid) => (entries.TryGetValue(pid, out var e) ? [e] : Array.Empty<Entry>())
            .Concat(children[pid].Where(c => !named.Contains(c.Pid)).SelectMany(c => Tree(c.Pid)));
        return roots.ToDictionary(r => r.Key, r => r.Value.SelectMany(Tree).ToList());
    }

    /// <summary>Seconds all cores spent busy (kernel threads and interrupts included), from /proc/stat.</summary>
    public static double Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user, nice, system, then idle and iowait (not busy), then irq, softirq, steal.
        return new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Moves every process back to the hierarchy's root and removes the benchmark's groups.</summary>
    public static void Release()
    {
        if (Grouped)
            Cgroups.Disband(Hierarchy, Groups);
    }

    /// <summary>The processes whose command line names <paramref name="text"/> while their parent's does not: a server's roots.</summary>
    public static IReadOnlyCollection<int> RootsNaming(string text)
    {
        var entries = Entries();
        return entries.Values
            .Where(e => e.CommandLine.Contains(text, StringComparison.Ordinal)
                && !(entries.TryGetValue(e.Parent, out var parent) && parent.CommandLine.Contains(text, StringComparison.Ordinal)))
            .Select(e => e.Pid).ToList();
    }

    static double InGroup(string name, IEnumerable<Entry> processes)
    {
        var group = Path.Combine(Groups, name);
        Directory.CreateDirectory(group);
        foreach (var process in processes)
            Cgroups.Move(process.Pid, group);
        return long.Parse(File.ReadAllText(Path.Combine(group, "cpuacct.usage")), CultureInfo.InvariantCulture) / 1e9;
    }

    static bool MayGroup()
    {
        try
        {
            if (!Directory.Exists(Hierarchy))
                return false;
            Directory.CreateDirectory(Groups);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    static Dictionary<int, Entry> Entries()
    {
        var entries = new Dictionary<int, Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is { } entry)
                entries[pid] = entry;
        return entries;
    }

    static Entry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name in parentheses may hold spaces; the fields after it are fixed (proc(5)).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return new Entry(pid, int.Parse(fields[1]), commandLine, ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // it ended while we looked
        }
    }
}
