using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Computor.Persistence.Scheduling;

/// <summary>
/// Sends scheduled messages when they fall due and deletes them in the same transaction; rows are claimed
/// with <c>FOR UPDATE SKIP LOCKED</c> so several system service replicas can dispatch side by side.
/// </summary>
public sealed class ScheduledMessageDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    WakeSignal<ScheduledMessageDispatcher> signal,
    IOptions<PersistenceOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ScheduledMessageDispatcher> logger) : BackgroundService
{
    static readonly ActivitySource Source = new("Computor.Scheduler");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.Run(lifetime, async cancellationToken =>
        {
            if (await DispatchDue(cancellationToken) == 0)
                await signal.WaitAsync(options.Value.SchedulerPollInterval, cancellationToken);
        }, logger, "Scheduler could not send due messages", stoppingToken);

    async Task<int> DispatchDue(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComputorDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var due = await db.ClaimDueMessages(clock.GetUtcNow(), options.Value.OutboxBatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
            return 0;

        foreach (var row in due)
        {
            using var activity = Source.StartActivity("scheduled send", ActivityKind.Producer, row.TraceParent);
            var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
            var message = ContractTypes.Deserialize(row.MessageType, row.Body);
            // The token lets a saga tell its current timeout from one it has since replaced.
            await endpoint.Send(message, message.GetType(),
                context => context.Headers.Set(MessageHeaders.SchedulingTokenId, row.TokenId.ToString()), cancellationToken);
        }

        db.ScheduledMessages.RemoveRange(due);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
