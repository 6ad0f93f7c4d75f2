using System.Diagnostics;
using MassTransit;
using MassTransit.Scheduling;

namespace Computor.Persistence.Scheduling;

/// <summary>
/// Where a state machine's <c>Schedule</c> and <c>Unschedule</c> go when its saga lives in our repository: a
/// timeout becomes a row added to (or removed from) <c>scheduled_messages</c> in the saga's own unit of work, so
/// it is saved with the saga's state or not at all, with no command through the broker.
/// </summary>
sealed class SagaSchedule(ComputorDb db, WakeSignal<ScheduledMessageDispatcher> signal) : IScheduleMessageProvider
{
    bool wakesDispatcher;

    public Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe,
        CancellationToken cancellationToken) where T : class
    {
        // A row keeps the message and its destination only; headers a send pipe would set cannot be kept.
        if (pipe.IsNotEmpty())
            throw new NotSupportedException($"Scheduling {typeof(T).Name} with a send pipe: a scheduled row keeps no headers");
        var messageType = ContractTypes.NameOf(typeof(T));
        // The dispatcher turns a row back into a message only when its type is a contract.
        ContractTypes.Resolve(messageType);
        var tokenId = NewId.NextGuid();
        db.ScheduledMessages.Add(new ScheduledMessage
        {
            TokenId = tokenId,
            Destination = destinationAddress.ToString(),
            MessageType = messageType,
            Body = ContractTypes.Serialize(message),
            DueAt = new DateTimeOffset(DateTime.SpecifyKind(scheduledTime, DateTimeKind.Utc)),
            TraceParent = Activity.Current?.Id,
        });
        if (!wakesDispatcher)
        {
            // A timeout due before the dispatcher's next poll is sent on time.
            db.SavedChanges += (_, _) => signal.Notify();
            wakesDispatcher = true;
        }
        return Task.FromResult<ScheduledMessage<T>>(new ScheduledMessageHandle<T>(tokenId, scheduledTime, destinationAddress, message));
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId, cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId, cancellationToken);

    /// <summary>
    /// A row the dispatcher sends and deletes before this save makes the save fail on a row count; the saga endpoint
    /// then tries the message again on fresh state, where the row is gone. The sent timeout carries the old token,
    /// which the saga ignores.
    /// </summary>
    async Task Cancel(Guid tokenId, CancellationToken cancellationToken)
    {
        if (await db.ScheduledMessages.FindAsync([tokenId], cancellationToken) is { } row)
            db.ScheduledMessages.Remove(row);
    }
}
