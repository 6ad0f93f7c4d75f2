using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Computor.Persistence;

public static class DatabaseErrors
{
    const int SqliteConstraint = 19;
    const int SqliteConstraintUnique = 2067;
    const int SqliteConstraintPrimaryKey = 1555;
    const int SqliteBusy = 5;
    const int SqliteLocked = 6;

    /// <summary>The save broke a unique index, on either database.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite =>
            sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>
    /// The database is away or refuses for a moment (a restart, a failover, no free connection): the same work
    /// succeeds once it is back. Looks through the whole chain, as EF wraps what the driver throws.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true }
                or PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }
                or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
                return true;
        return false;
    }
}
