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

    /// <summary>How long the connection may stay silent before a query checks that it is still there.</summary>
    static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);

    long generation;
    volatile bool live;

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
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (live)
                    logger.LogWarning(e, "Stopped listening for database changes; status polls read the database until it is back");
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
        connection.Notification += (_, e) => Announce(e.Payload, live: true);
        await using var check = new NpgsqlCommand($"LISTEN {Channel}; SELECT count(*) FROM pg_trigger WHERE tgname = '{ResultTrigger}'", connection)
        {
            CommandTimeout = (int)Silence.TotalSeconds,
        };
        if ((long)(await check.ExecuteScalarAsync(stoppingToken))! == 0)
            return; // migrations have not made the triggers yet
        Announce(null, live: true);
        logger.LogInformation("Listening for database changes: status polls are answered from memory");
        try
        {
            while (true)
                if (!await connection.WaitAsync(Silence, stoppingToken))
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)Silence.TotalSeconds };
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
        }
        finally
        {
            // Connections go back to the pool without a reset (ComputorDb.DataSource): this one must not keep listening.
            live = false;
            try
            {
                await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
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
