namespace Computor.Persistence;

/// <summary>
/// Wakes the background worker <typeparamref name="TWorker"/> in this process as soon as there is work for
/// it, so its polling interval only matters for work written by other processes.
/// </summary>
public sealed class WakeSignal<TWorker>
{
    readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        try { pending.Release(); }
        catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        pending.WaitAsync(timeout, cancellationToken);
}
