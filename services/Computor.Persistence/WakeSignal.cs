namespace Computor.Persistence;

/// <summary>
/// Wakes the background worker <typeparamref name="TWorker"/> in this process as soon as there is work for
/// it, so its polling interval only matters for work written by other processes.
/// </summary>
public sealed class WakeSignal<TWorker>
{
    readonly SemaphoreSlim pending = new(0, 1);
    readonly Lock notifying = new();

    /// <summary>
    /// In a burst most notices find one pending already. Releasing past the maximum throws, and a burst's commits cost
    /// the API hundreds of such throws a second. Only notices raise the count, so under the lock it stays in bounds.
    /// </summary>
    public void Notify()
    {
        lock (notifying)
            if (pending.CurrentCount == 0)
                pending.Release();
    }

    /// <summary>Whether a notice came before the timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        pending.WaitAsync(timeout, cancellationToken);
}
