using Microsoft.Extensions.Options;

namespace Computor.Runner.Service;

/// <summary>
/// The runs this runner tests at once (<c>WORKER_CONCURRENCY</c>). A run holds a slot from its start through its
/// workspace and suite, and gives it up before its report is stored and announced, so a run already delivered
/// starts while the one before it is still on its way out.
/// </summary>
public sealed class TestSlots(IOptions<WorkerOptions> worker)
{
    readonly SemaphoreSlim free = new(worker.Value.Concurrency, worker.Value.Concurrency);

    public async Task<IDisposable> Take(CancellationToken cancellationToken)
    {
        await free.WaitAsync(cancellationToken);
        return new Held(free);
    }

    sealed class Held(SemaphoreSlim free) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                free.Release();
        }
    }
}
