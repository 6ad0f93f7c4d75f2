using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using MassTransit.Scheduling;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Computor.Persistence.Scheduling;

/// <summary>
/// Takes MassTransit's scheduling commands (what <c>Schedule</c> in a state machine sends) and keeps them in
/// PostgreSQL, so timeouts work without the delayed-exchange plugin and survive restarts of every process.
/// </summary>
public sealed class ScheduleMessageConsumer(ComputorDb db, WakeSignal<ScheduledMessageDispatcher> signal) :
    IConsumer<ScheduleMessage>,
    IConsumer<CancelScheduledMessage>
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var schedule = context.Message;
        var messageType = schedule.PayloadType.Select(ContractTypeOfUrn).FirstOrDefault(t => t is not null)
            ?? throw new InvalidOperationException($"scheduled payload is not a contract: {string.Join(", ", schedule.PayloadType)}");
        var body = schedule.Payload is JsonElement element
            ? element.GetRawText()
            : JsonSerializer.Serialize(schedule.Payload, SystemTextJsonMessageSerializer.Options);
        ContractTypes.Deserialize(messageType, body);

        var existing = await db.ScheduledMessages.FindAsync([schedule.CorrelationId], context.CancellationToken);
        if (existing is not null)
            db.ScheduledMessages.Remove(existing);
        db.ScheduledMessages.Add(new ScheduledMessage
        {
            TokenId = schedule.CorrelationId,
            Destination = schedule.Destination.ToString(),
            MessageType = messageType,
            Body = body,
            DueAt = new DateTimeOffset(DateTime.SpecifyKind(schedule.ScheduledTime, DateTimeKind.Utc)),
            TraceParent = Activity.Current?.Id,
        });
        await db.SaveChangesAsync(context.CancellationToken);
        signal.Notify();
    }

    public Task Consume(ConsumeContext<CancelScheduledMessage> context) =>
        db.ScheduledMessages.Where(m => m.TokenId == context.Message.TokenId).ExecuteDeleteAsync(context.CancellationToken);

    /// <summary><c>urn:message:Namespace:Type</c> to the contract's full name, or null for other types.</summary>
    static string? ContractTypeOfUrn(string urn)
    {
        const string prefix = "urn:message:";
        if (!urn.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var name = urn[prefix.Length..].Replace(':', '.');
        return ContractTypes.TryResolve(name) is null ? null : name;
    }
}
