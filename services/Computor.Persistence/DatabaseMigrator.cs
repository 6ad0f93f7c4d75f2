using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Persistence;

/// <summary>
/// Applies pending migrations before the host starts anything else. Several services may start at once;
/// PostgreSQL serialises concurrent migrators through EF Core's migration lock. SQLite (the standalone host)
/// has migrations of its own, in Computor.Persistence.Sqlite.
/// </summary>
sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ComputorDb>().Database;
        await database.MigrateAsync(cancellationToken);
        // Readers (status polls) then never wait for the writer.
        if (database.IsSqlite())
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
