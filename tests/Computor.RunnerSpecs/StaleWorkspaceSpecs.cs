using Computor.Runner.Sandboxing;
using Computor.Runner.Service;
using Microsoft.Extensions.Options;

namespace Computor.RunnerSpecs;

/// <summary>What a runner killed in the middle of runs leaves behind is taken by the next runner that starts on the host.</summary>
public sealed class When_a_runner_starts_where_one_was_killed
{
    const string CgroupRoot = "/sys/fs/cgroup";
    // Where a run's cgroups live (ADR 6): /sys/fs/cgroup/{memory,pids}/computor/<run>.
    static readonly string[] Controllers = ["memory", "pids"];
    static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-2);

    string folder = null!;
    readonly List<string> cgroups = [];

    [SetUp]
    public void Create() => folder = Directory.CreateTempSubdirectory("computor-stale-").FullName;

    [TearDown]
    public void Remove()
    {
        foreach (var cgroup in cgroups.Where(Directory.Exists))
            Directory.Delete(cgroup);
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Should_remove_the_old_checkouts_copies_and_sandbox_cgroups_but_nothing_of_a_live_run()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "cgroups need a root runner (CI runs as root)");
        Assert.That(Directory.Exists(Path.Combine(CgroupRoot, "memory")), "cgroup v1 memory controller at /sys/fs/cgroup/memory");
        var worker = new WorkerOptions { WorkDirectory = Path.Combine(folder, "workspaces") };
        var sandbox = new SandboxOptions { WorkDirectory = Path.Combine(folder, "runs"), CgroupRoot = CgroupRoot, MaxTimeoutSeconds = 600 };
        var killedCheckout = Folder(Path.Combine(worker.WorkDirectory, "killed"), LongAgo);
        var killedCopy = Folder(Path.Combine(sandbox.WorkDirectory, "killed"), LongAgo);
        var liveCheckout = Folder(Path.Combine(worker.WorkDirectory, "live"), DateTime.UtcNow);
        var killedCgroups = Controllers.Select(c => Cgroup(c, LongAgo)).ToList();
        var liveCgroups = Controllers.Select(c => Cgroup(c, DateTime.UtcNow)).ToList();

        await new StaleWorkspaceCleanup(Options.Create(worker), Options.Create(sandbox)).StartAsync(CancellationToken.None);

        Assert.That(new[] { killedCheckout, killedCopy }.Concat(killedCgroups).Where(Directory.Exists), Is.Empty, "what the killed runner left");
        Assert.That(new[] { liveCheckout }.Concat(liveCgroups).Where(d => !Directory.Exists(d)), Is.Empty, "what a live run holds");
    }

    static string Folder(string path, DateTime written)
    {
        Directory.CreateDirectory(Path.Combine(path, "week1"));
        File.WriteAllText(Path.Combine(path, "week1", "solution.py"), "x = 42\n");
        Directory.SetLastWriteTimeUtc(path, written);
        return path;
    }

    string Cgroup(string controller, DateTime written)
    {
        var path = Path.Combine(CgroupRoot, controller, "computor", $"spec-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        cgroups.Add(path);
        Directory.SetLastWriteTimeUtc(path, written);
        return path;
    }
}
