using System.Collections.Concurrent;

namespace Computor.Runner.Sandboxing;

/// <summary>
/// Hands out the slot numbers concurrent runs use to pick their uids. A slot is held for the whole
/// run, so two runs never share a uid (and with it a process limit or file access).
/// </summary>
public sealed class SandboxSlots
{
    readonly ConcurrentBag<int> free = [];
    int next;

    public Slot Take() => new(this, free.TryTake(out var slot) ? slot : Interlocked.Increment(ref next) - 1);

    public sealed class Slot(SandboxSlots owner, int number) : IDisposable
    {
        public int Number { get; } = number;
        public void Dispose() => owner.free.Add(Number);
    }
}
