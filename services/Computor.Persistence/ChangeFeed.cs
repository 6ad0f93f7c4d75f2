using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Computor.Persistence;

/// <summary>
/// The changes PostgreSQL announces (migration ChangeNotifications), on one connection that listens for the life of
/// the process. <see cref="CoherentCache{TKey,TValue}"/>s follow it: they keep rows only while it is live, and drop
/// them the moment another process changes them. Not live on SQLite, before the triggers exist, and from the moment
/// the listening connection fails until it listens again.
/// </summary>
public sealed class ChangeFeed(IServiceProvider services, ILogger<ChangeFeed> logger) : BackgroundService
{
    public const string Channel = "computor_changes";
    public const string ResultTrigger = "computor_results_changed";

    /// <summary>How often, and how fast, an announcement of our own must come back on the listening connection.</summary>
    static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);

    const string ProbePrefix = "probe:";

    long generation;
    volatile bool live;
    bool warnOnLoss;
    bool toldWhyNot;

    /// <summary>A change: <c>result:{id}:{test system id}</c>, or <c>access</c>; null when everything may have changed.</summary>
    public event Action<string?>? Changed;

    public bool IsLive => live;

    /// <summary>Moves on with every change and every loss; a value read from the database before it moved may be stale.</summary>
    public long Generation => Interlocked.Read(ref generation);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<NpgsqlDataSource>() is not { } dataSource)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Listen(dataSource, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Whatever failed, the API goes on answering from the database: this loop must never stop the host.
                if (warnOnLoss)
                    logger.LogWarning(e, "Stopped listening for database changes; status polls read the database until it is back");
                else if (!toldWhyNot)
                    logger.LogInformation("Not listening for database changes ({Reason}); status polls read the database", e.Message);
                (warnOnLoss, toldWhyNot) = (false, true);
            }
            finally
            {
                Announce(null, live: false);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    async Task Listen(NpgsqlDataSource dataSource, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        string? awaited = null;
        connection.Notification += (_, e) =>
        {
            if (!e.Payload.StartsWith(ProbePrefix, StringComparison.Ordinal))
                Announce(e.Payload, live: true);
            else if (e.Payload == awaited)
                awaited = null;
        };
        try
        {
            await using (var check = new NpgsqlCommand($"LISTEN {Channel}; SELECT count(*) FROM pg_trigger WHERE tgname = '{ResultTrigger}'", connection)
            {
                CommandTimeout = (int)Silence.TotalSeconds,
            })
                if ((long)(await check.ExecuteScalarAsync(stoppingToken))! == 0)
                    return; // migrations have not made the triggers yet
            while (true)
            {
                // An announcement made on another connection must come back on this one: so the channel works end to end
                // (a transaction-pooling proxy in between would swallow it), and this connection is still there.
                awaited = $"{ProbePrefix}{Guid.NewGuid():N}";
                await using (var probe = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', $1)"))
                {
                    probe.Parameters.Add(new NpgsqlParameter { Value = awaited });
                    await probe.ExecuteNonQueryAsync(stoppingToken);
                }
                var deadline = DateTime.UtcNow + Silence;
                while (awaited is not null)
                    if (deadline <= DateTime.UtcNow || !await connection.WaitAsync(deadline - DateTime.UtcNow, stoppingToken))
                        throw new TimeoutException("an announcement made on another connection did not arrive on the listening one");
                if (!live)
                {
                    Announce(null, live: true);
                    warnOnLoss = true;
                    logger.LogInformation("Listening for database changes: status polls are answered from memory");
                }
                for (var quiet = DateTime.UtcNow + Silence; DateTime.UtcNow < quiet;)
                    await connection.WaitAsync(quiet - DateTime.UtcNow, stoppingToken);
            }
        }
        finally
        {
            // Connections go back to the pool without a reset (ComputorDb.DataSource): this one must not keep listening.
            live = false;
            try
            {
                await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection) { CommandTimeout = 2 };
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // a broken connection is not pooled again
            }
        }
    }

    void Announce(string? change, bool live)
    {
        // The generation moves before anything is forgotten, so a value read before the change is never kept after it.
        Interlocked.Increment(ref generation);
        if (!live)
            this.live = false;
        Changed?.Invoke(change);
        if (live && change is null)
            this.live = true;
    }
}
