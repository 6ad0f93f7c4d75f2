using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Persistence;

/// <summary>
/// Applies pending migrations before the host starts anything else. Several services may start at once;
/// PostgreSQL serialises concurrent migrators through EF Core's migration lock. The standalone host's SQLite
/// database is created from the model instead: the migrations are PostgreSQL's.
/// </summary>
sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ComputorDb>().Database;
        if (!database.IsSqlite())
        {
            await database.MigrateAsync(cancellationToken);
            return;
        }
        await database.EnsureCreatedAsync(cancellationToken);
        // Readers (status polls) then never wait for the writer.
        await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
