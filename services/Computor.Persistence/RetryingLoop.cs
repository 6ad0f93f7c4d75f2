using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Computor.Persistence;

/// <summary>
/// Runs a background step forever once the host has started (so this process's bus and its endpoints exist);
/// a failing step (broker or database away) is retried with a capped exponential back-off instead of ending
/// the service.
/// </summary>
public static class RetryingLoop
{
    static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static async Task Run(IHostApplicationLifetime lifetime, Func<CancellationToken, Task> step, ILogger logger, string failure,
        CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (TaskCanceledException) { return; }
        }

        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await step(stoppingToken);
                delay = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{Failure}; retrying in {Delay}", failure, delay);
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
