using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Computor.Persistence;

public static class DatabaseErrors
{
    const int SqliteConstraint = 19;
    const int SqliteConstraintUnique = 2067;
    const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>The save broke a unique index, on either database.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite =>
            sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
