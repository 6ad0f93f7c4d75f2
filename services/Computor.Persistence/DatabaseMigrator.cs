using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Persistence;

/// <summary>
/// Applies pending migrations before the host starts anything else; services that start at once take turns
/// (<see cref="SchemaMigration"/>). SQLite (the standalone host) has migrations of its own, in Computor.Persistence.Sqlite.
/// </summary>
sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SchemaMigration.Apply(scope.ServiceProvider.GetRequiredService<ComputorDb>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
