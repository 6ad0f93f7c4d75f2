using System.Collections.Concurrent;

namespace Computor.Runner.Service;

/// <summary>Runs in progress in this process, so a cancellation can stop the right one.</summary>
public sealed class RunningTests
{
    readonly ConcurrentDictionary<Guid, CancellationTokenSource> runs = new();

    public CancellationTokenSource Start(Guid correlationId, CancellationToken consumer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(consumer);
        runs[correlationId] = source;
        return source;
    }

    public void Finish(Guid correlationId) => runs.TryRemove(correlationId, out _);

    public bool Cancel(Guid correlationId)
    {
        if (!runs.TryGetValue(correlationId, out var source))
            return false;
        source.Cancel();
        return true;
    }
}
