using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Computor.Persistence.Outbox;

/// <summary>
/// Sends committed outbox messages to the broker. Any number of relays (API replicas, the system service) can
/// run at once. A crash between sending and committing sends a message twice; consumers are idempotent by
/// correlation id.
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IBus bus,
    WakeSignal<OutboxRelay> signal,
    IOptions<PersistenceOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxRelay> logger) : ClaimedRowsWorker<OutboxMessage>(scopes, lifetime, logger)
{
    static readonly ActivitySource Source = new("Computor.Outbox");

    protected override string Failure => "Outbox relay could not send";

    protected override IQueryable<OutboxMessage> Claim(ComputorDb db) => db.ClaimOutboxBatch(options.Value.OutboxBatchSize);

    protected override Task WaitForWork(CancellationToken cancellationToken) =>
        signal.WaitAsync(options.Value.OutboxPollInterval, cancellationToken);

    protected override async Task Handle(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.OutboxPublishTimeout);
        await Task.WhenAll(rows.Select(row => Send(row, timeout.Token)));
    }

    async Task Send(OutboxMessage row, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outbox send", ActivityKind.Producer, row.TraceParent);
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
