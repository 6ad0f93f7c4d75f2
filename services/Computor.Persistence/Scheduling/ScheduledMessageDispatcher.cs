using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Computor.Persistence.Scheduling;

/// <summary>Sends scheduled messages when they fall due; several system service replicas can dispatch side by side.</summary>
public sealed class ScheduledMessageDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    WakeSignal<ScheduledMessageDispatcher> signal,
    IOptions<PersistenceOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ScheduledMessageDispatcher> logger) : ClaimedRowsWorker<ScheduledMessage>(scopes, lifetime, logger)
{
    static readonly ActivitySource Source = new("Computor.Scheduler");

    protected override string Failure => "Scheduler could not send due messages";

    protected override IQueryable<ScheduledMessage> Claim(ComputorDb db) =>
        db.ClaimDueMessages(clock.GetUtcNow(), options.Value.OutboxBatchSize);

    protected override Task WaitForWork(CancellationToken cancellationToken) =>
        signal.WaitAsync(options.Value.SchedulerPollInterval, cancellationToken);

    protected override async Task Handle(IReadOnlyList<ScheduledMessage> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            using var activity = Source.StartActivity("scheduled send", ActivityKind.Producer, row.TraceParent);
            var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
            var message = ContractTypes.Deserialize(row.MessageType, row.Body);
            // The token lets a saga tell its current timeout from one it has since replaced.
            await endpoint.Send(message, message.GetType(),
                context => context.Headers.Set(MessageHeaders.SchedulingTokenId, row.TokenId.ToString()), cancellationToken);
        }
    }
}
