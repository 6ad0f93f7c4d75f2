using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Computor.Persistence;

/// <summary>
/// A background worker that claims rows (deleted by the claim itself, skipping rows another replica holds, so
/// replicas can work side by side), hands them on, and commits. A failure rolls the claim back; the rows are
/// tried again after a back-off.
/// </summary>
public abstract class ClaimedRowsWorker<TRow>(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger logger)
    : BackgroundService where TRow : class
{
    protected abstract string Failure { get; }

    protected abstract IQueryable<TRow> Claim(ComputorDb db);

    protected abstract Task Handle(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    /// <summary>Waits until there may be new rows: a wake-up from this process or the poll interval.</summary>
    protected abstract Task WaitForWork(CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.Run(lifetime, async cancellationToken =>
        {
            if (await HandleBatch(cancellationToken) == 0)
                await WaitForWork(cancellationToken);
        }, logger, Failure, stoppingToken);

    async Task<int> HandleBatch(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComputorDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var rows = await Claim(db).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return 0;

        await Handle(rows, cancellationToken);
        if (!db.ClaimsDelete)
        {
            db.RemoveRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
