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

    /// <summary>Forgets this delivery of the run, not a later one of the same run that replaced it.</summary>
    public void Finish(Guid correlationId, CancellationTokenSource source) =>
        runs.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(correlationId, source));

    public bool Cancel(Guid correlationId)
    {
        if (!runs.TryGetValue(correlationId, out var source))
            return false;
        source.Cancel();
        return true;
    }
}
