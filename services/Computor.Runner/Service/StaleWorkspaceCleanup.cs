using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Service;

/// <summary>
/// Removes what runs of a killed runner left behind (checkouts, staged copies). Only folders older than
/// the longest possible run are taken, so runners sharing the folder never lose a live run's files.
/// </summary>
public sealed class StaleWorkspaceCleanup(IOptions<WorkerOptions> worker, IOptions<SandboxOptions> sandbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - TimeSpan.FromSeconds(2 * sandbox.Value.MaxTimeoutSeconds);
        foreach (var root in new[] { worker.Value.WorkDirectory, sandbox.Value.WorkDirectory })
        {
            if (!Directory.Exists(root))
                continue;
            foreach (var stale in new DirectoryInfo(root).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < cutoff))
            {
                try
                {
                    stale.Delete(recursive: true);
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
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
