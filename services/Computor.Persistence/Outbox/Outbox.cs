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

    public void Publish<T>(T message) where T : class => Add(message, null);

    /// <summary>
    /// Commands go to their queue rather than being published: a queue holds them even before its consumer
    /// ever started, while a published message with no bound queue yet would be dropped.
    /// </summary>
    public void Send<T>(Uri destination, T message) where T : class => Add(message, destination);

    void Add<T>(T message, Uri? destination) where T : class =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = ContractTypes.NameOf(typeof(T)),
            Body = ContractTypes.Serialize(message),
            Destination = destination?.ToString(),
            TraceParent = Activity.Current?.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        });
}
