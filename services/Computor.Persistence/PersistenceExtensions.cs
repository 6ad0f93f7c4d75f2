using Computor.Persistence.Outbox;
using Computor.Persistence.SagaRepository;
using Computor.Persistence.Scheduling;
using Computor.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Computor.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// The database (<c>ConnectionStrings__Computor</c>), migrations at start-up, the outbox writer and its
    /// relay. Every process that writes outbox messages also relays them, so none depends on another being up.
    /// </summary>
    public static IHostApplicationBuilder AddComputorPersistence(this IHostApplicationBuilder builder)
    {
        if (!builder.FirstTime(nameof(AddComputorPersistence)))
            return builder;
        var connectionString = builder.Configuration.GetConnectionString("Computor")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Computor is not set (environment variable ConnectionStrings__Computor)");
        // Contexts are pooled: a status poll is a few short queries, and setting up a fresh context costs about as much.
        if (ComputorDb.IsSqlite(connectionString))
            builder.Services.AddDbContextPool<ComputorDb>(options => ComputorDb.Configure(options, connectionString));
        else
        {
            var dataSource = ComputorDb.DataSource(connectionString);
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddDbContextPool<ComputorDb>(options => ComputorDb.Configure(options, dataSource));
        }
        builder.Services.AddOptions<PersistenceOptions>().BindConfiguration(PersistenceOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.AddSingleton<WakeSignal<OutboxRelay>>();
        builder.Services.AddSingleton<WakeSignal<ScheduledMessageDispatcher>>();
        builder.Services.AddScoped<Outbox.Outbox>();
        builder.Services.AddSingleton(new Secrets.TokenCipher(builder.Configuration["COMPUTOR_TOKEN_SECRET"]));
        builder.Services.AddHostedService<OutboxRelay>();
        // While the database restarts, every message handled fails; each is tried again until it is back (about
        // 100 s in all) instead of being parked in an _error queue, where its run would wait forever.
        builder.AddBusModule(_ => { }, (_, bus) => bus.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(DatabaseErrors.IsTransient);
            retry.Exponential(12, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(300));
        }));
        return builder;
    }

    /// <summary>
    /// Saga persistence, whose timeouts are rows of the saga's own unit of work, and the dispatcher that sends
    /// them when due, for the process that runs sagas.
    /// </summary>
    public static void AddComputorSagaPersistence(this IBusRegistrationConfigurator bus, IServiceCollection services)
    {
        bus.SetSagaRepositoryProvider(new EfSagaRepositoryRegistrationProvider());
        services.AddHostedService<ScheduledMessageDispatcher>();
    }
}
