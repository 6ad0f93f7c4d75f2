using System.Globalization;

namespace Computor.Bench.Burst;

/// <summary>The benchmark's own cgroups (v1): which processes count and run where.</summary>
static class Cgroups
{
    /// <summary>Moves a process, with all its threads, into a group; what it starts later starts there.</summary>
    public static void Move(int pid, string group)
    {
        try
        {
            File.WriteAllText(Path.Combine(group, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            // it ended while we looked
        }
    }

    /// <summary>Moves every process of the groups below <paramref name="parent"/> back to the hierarchy's root and removes them.</summary>
    public static void Disband(string hierarchy, string parent)
    {
        if (!Directory.Exists(parent))
            return;
        foreach (var group in Directory.EnumerateDirectories(parent))
        {
            foreach (var pid in File.ReadAllLines(Path.Combine(group, "cgroup.procs")))
                Move(int.Parse(pid, CultureInfo.InvariantCulture), hierarchy);
            Remove(group);
        }
        Remove(parent);
    }

    static void Remove(string group)
    {
        try
        {
            Directory.Delete(group);
        }
        catch (IOException)
        {
            // a process we did not know of still runs in it; an empty group costs nothing and is reused next time
        }
    }
}
