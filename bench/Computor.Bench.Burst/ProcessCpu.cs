namespace Computor.Bench.Burst;

/// <summary>
/// CPU time of process trees, from /proc: every live process's own time plus what its finished children used
/// (the kernel adds a child's time to its parent once the parent has waited for it), so the short-lived sandboxes
/// of a runner and the backends of PostgreSQL count for their tree.
/// </summary>
static class ProcessCpu
{
    // /proc reports times in USER_HZ, which Linux fixes at 100 for user space.
    const double TicksPerSecond = 100;

    sealed record Entry(int Pid, int Parent, string CommandLine, double Seconds);

    /// <summary>Seconds used by each named tree; a tree is the processes with one of its root ids and their descendants.</summary>
    public static Dictionary<string, double> Snapshot(IReadOnlyDictionary<string, IReadOnlyCollection<int>> roots)
    {
        var entries = Entries();
        var children = entries.Values.ToLookup(e => e.Parent);
        // A tree ends where another named tree begins: the client started the services, but their time is their own.
        var named = roots.Values.SelectMany(r => r).ToHashSet();
        double Tree(int pid) => (entries.TryGetValue(pid, out var e) ? e.Seconds : 0)
            + children[pid].Where(c => !named.Contains(c.Pid)).Sum(c => Tree(c.Pid));
        return roots.ToDictionary(r => r.Key, r => r.Value.Sum(Tree));
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
