using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Computor.Persistence;

/// <summary>
/// Brings a database to the current schema with EF Core's migrations, one process at a time: a deployment starts the
/// API (with its replicas) and the system service at once. EF Core's own lock on PostgreSQL lasts one migration's
/// transaction only, so two processes starting on a new database both applied the second migration, and one of them
/// failed ("column already exists"). ADR 26.
/// </summary>
public static class SchemaMigration
{
    const string LockKey = "computor-schema-migration";

    public static async Task Apply(ComputorDb db, CancellationToken ct)
    {
        var database = db.Database;
        await CreateDatabase(database, ct);
        if (database.IsSqlite())
        {
            await Migrate(database, ct);
            // Readers (status polls) then never wait for the writer.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
            return;
        }
        // A lock of the session, on a connection held open until it is released: a process killed meanwhile ends its
        // session and so releases it.
        await database.OpenConnectionAsync(ct);
        try
        {
            await database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_lock(hashtext({LockKey}))", ct);
            try
            {
                await Migrate(database, ct);
            }
            finally
            {
                await Unlock(database);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Connections go back to the pool without a reset (ComputorDb.DataSource): this one must not keep the lock. A
    /// connection that broke took its session, and the lock, with it; what broke it is the error to report.
    /// </summary>
    static async Task Unlock(DatabaseFacade database)
    {
        try
        {
            await database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_unlock(hashtext({LockKey}))", CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && database.GetDbConnection().State != ConnectionState.Open)
        {
        }
    }

    /// <summary>As EF Core's migrations would; a process that loses the race to create it goes on with the winner's.</summary>
    static async Task CreateDatabase(DatabaseFacade database, CancellationToken ct)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
            return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    static async Task Migrate(DatabaseFacade database, CancellationToken ct)
    {
        // EF Core reads the history before it makes its table, and logs the read's failure on a new database as an
        // error (dotnet/efcore#37328), as does its own check whether the table exists: every first start of a
        // deployment would show a failed SQL command. Made first, the table is there to read.
        await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        await database.MigrateAsync(ct);
    }
}
