using System.Diagnostics;
using MassTransit;

namespace Computor.Persistence.Outbox;

/// <summary>
/// Adds messages to the caller's unit of work: they are published only if the caller's SaveChanges commits,
/// and they are published even if the process dies right after.
/// </summary>
public sealed class Outbox
{
    readonly ComputorDb db;

    public Outbox(ComputorDb db, WakeSignal<OutboxRelay> signal)
    {
        this.db = db;
        db.SavedChanges += (_, _) => signal.Notify();
    }

    public void Publish<T>(T message) where T : class
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = ContractTypes.NameOf(typeof(T)),
            Body = ContractTypes.Serialize(message),
            TraceParent = Activity.Current?.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}
