using System.Collections.Concurrent;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Computor.IntegrationSpecs;

/// <summary>
/// A deployment's first start: the API (with its replicas) and the system service start at once on an empty database,
/// and each brings it to the current schema before it does anything else.
/// </summary>
public sealed class When_services_start_together_on_a_new_database
{
    [Test]
    public async Task Should_apply_every_migration_once_and_log_no_error()
    {
        var database = await Servers.Current.NewDatabase();
        var logged = new ConcurrentQueue<string>();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            // What EF Core logs here reaches a service's log the same way.
            var options = new DbContextOptionsBuilder<ComputorDb>().LogTo(logged.Enqueue, LogLevel.Warning);
            ComputorDb.Configure(options, database);
            await using var db = new ComputorDb(options.Options);
            await SchemaMigration.Apply(db, CancellationToken.None);
        }));

        Assert.That(logged, Is.Empty, "an operator reading a first start's log would take these for failures");
        var options = new DbContextOptionsBuilder<ComputorDb>();
        ComputorDb.Configure(options, database);
        await using var migrated = new ComputorDb(options.Options);
        Assert.That(await Database.Texts(database, "SELECT migration_id FROM ef_migrations_history ORDER BY migration_id"),
            Is.EqualTo(migrated.Database.GetMigrations().Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Should_let_the_api_and_the_system_service_start_at_once()
    {
        await using var stack = await ComputorStack.Create();

        await Task.WhenAll(stack.StartApi(), stack.StartSystem());

        using var client = stack.Client();
        var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.IsSuccessStatusCode, Is.True, await ready.Content.ReadAsStringAsync());
    }
}
