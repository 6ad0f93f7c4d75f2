using System.Net.Sockets;
using Computor.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Computor.Specs;

public sealed class When_the_database_fails_a_message
{
    static PostgresException Postgres(string sqlState) => new("failed", "FATAL", "FATAL", sqlState);

    [Test]
    public void Should_try_again_while_the_database_restarts_or_cannot_be_reached()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DatabaseErrors.IsTransient(Postgres(PostgresErrorCodes.AdminShutdown)), Is.True, "terminated by a restart");
            Assert.That(DatabaseErrors.IsTransient(Postgres(PostgresErrorCodes.CannotConnectNow)), Is.True, "still starting");
            Assert.That(DatabaseErrors.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))),
                Is.True, "connection refused");
            Assert.That(DatabaseErrors.IsTransient(new DbUpdateException("save failed", Postgres(PostgresErrorCodes.AdminShutdown))),
                Is.True, "wrapped by EF");
        });
    }

    [Test]
    public void Should_not_try_again_what_fails_the_same_way_each_time()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DatabaseErrors.IsTransient(new DbUpdateException("save failed", Postgres(PostgresErrorCodes.UniqueViolation))), Is.False);
            Assert.That(DatabaseErrors.IsTransient(Postgres(PostgresErrorCodes.UndefinedTable)), Is.False);
            Assert.That(DatabaseErrors.IsTransient(new InvalidOperationException("No result row")), Is.False);
        });
    }
}
