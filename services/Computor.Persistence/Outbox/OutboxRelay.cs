using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Computor.Persistence.Outbox;

/// <summary>
/// Publishes committed outbox messages and deletes them in the same transaction. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of relays (API replicas, the system service) can run at once.
/// A crash between publish and commit publishes a message twice; consumers are idempotent by correlation id.
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IBus bus,
    WakeSignal<OutboxRelay> signal,
    IOptions<PersistenceOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    static readonly ActivitySource Source = new("Computor.Outbox");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.Run(lifetime, async cancellationToken =>
        {
            if (await RelayBatch(cancellationToken) == 0)
                await signal.WaitAsync(options.Value.OutboxPollInterval, cancellationToken);
        }, logger, "Outbox relay could not publish", stoppingToken);

    async Task<int> RelayBatch(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComputorDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var batch = await db.ClaimOutboxBatch(options.Value.OutboxBatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return 0;

        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(options.Value.OutboxPublishTimeout);
        await Task.WhenAll(batch.Select(row => Publish(row, publishTimeout.Token)));

        db.OutboxMessages.RemoveRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    async Task Publish(OutboxMessage row, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, row.TraceParent);
        var message = ContractTypes.Deserialize(row.MessageType, row.Body);
        if (row.Destination is null)
        {
            await bus.Publish(message, message.GetType(), context => context.MessageId = row.MessageId, cancellationToken);
            return;
        }
        var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
        await endpoint.Send(message, message.GetType(), context => context.MessageId = row.MessageId, cancellationToken);
    }
}
