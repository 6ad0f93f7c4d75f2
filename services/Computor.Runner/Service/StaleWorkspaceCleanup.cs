using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Service;

/// <summary>
/// Removes what runs of a killed runner left behind: checkouts, staged copies, and the cgroups of its sandboxes
/// (a run's cgroups are removed after its sandbox exits, which a killed runner never sees). Only what is older than
/// the longest possible run is taken, so runners sharing the folders and cgroups never lose a live run's.
/// </summary>
public sealed class StaleWorkspaceCleanup(IOptions<WorkerOptions> worker, IOptions<SandboxOptions> sandbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - TimeSpan.FromSeconds(2 * sandbox.Value.MaxTimeoutSeconds);
        foreach (var root in new[] { worker.Value.WorkDirectory, sandbox.Value.WorkDirectory })
            RemoveOlder(root, cutoff, recursive: true);
        // A cgroup is removed as an empty directory; one that still has processes refuses.
        foreach (var controller in RunCgroup.Controllers)
            RemoveOlder(Path.Combine(sandbox.Value.CgroupRoot, controller, RunCgroup.Parent), cutoff, recursive: false);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static void RemoveOlder(string root, DateTime cutoff, bool recursive)
    {
        if (!Directory.Exists(root))
            return;
        foreach (var stale in new DirectoryInfo(root).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < cutoff))
        {
            try
            {
                stale.Delete(recursive);
            }
            catch (IOException)
            {
                // Still in use or already gone: the next start tries again.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
