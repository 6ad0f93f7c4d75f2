using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.ServiceDefaults;

public static class BusExtensions
{
    /// <summary>
    /// Adds a module's consumers and sagas (and, optionally, receive endpoints it configures itself) to the bus
    /// <see cref="AddComputorBus"/> makes. Modules only register: the host decides the transport, so one
    /// process can compose several modules on one bus (the standalone host).
    /// </summary>
    public static IHostApplicationBuilder AddBusModule(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> register,
        Action<IBusRegistrationContext, IBusFactoryConfigurator>? endpoints = null)
    {
        var modules = Modules(builder);
        modules.Registrations.Add(register);
        if (endpoints is not null)
            modules.Endpoints.Add(endpoints);
        return builder;
    }

    /// <summary>
    /// One MassTransit bus for every module added so far, with our conventions: kebab-case endpoints and
    /// start-up that waits for the broker (sagas schedule their timeouts through their repository). The transport is RabbitMQ
    /// (<c>ConnectionStrings__RabbitMq</c>, an amqp:// URI); without it a host that allows it
    /// (<paramref name="inMemoryWithoutBroker"/>, the standalone host) runs on MassTransit's in-memory transport.
    /// </summary>
    public static IHostApplicationBuilder AddComputorBus(this IHostApplicationBuilder builder, bool inMemoryWithoutBroker = false)
    {
        var connection = builder.Configuration.GetConnectionString("RabbitMq");
        if (connection is null && !inMemoryWithoutBroker)
            throw new InvalidOperationException(
                "ConnectionStrings:RabbitMq is not set (environment variable ConnectionStrings__RabbitMq, e.g. amqp://guest:guest@localhost:5672/)");
        var modules = Modules(builder);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            foreach (var register in modules.Registrations)
                register(x);
            if (connection is null)
                x.UsingInMemory((context, cfg) => ConfigureTransport(context, cfg, modules));
            else
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(connection));
                    ConfigureTransport(context, cfg, modules);
                });
        });
        if (connection is not null)
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<RunnerQueueDeclaration>(sp, new Uri(connection)));
        return builder;
    }

    static void ConfigureTransport<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg, BusModules modules)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        foreach (var endpoints in modules.Endpoints)
            endpoints(context, cfg);
        cfg.ConfigureEndpoints(context);
    }

    static BusModules Modules(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(typeof(BusModules), out var modules))
            builder.Properties[typeof(BusModules)] = modules = new BusModules();
        return (BusModules)modules;
    }

    sealed class BusModules
    {
        public List<Action<IBusRegistrationConfigurator>> Registrations { get; } = [];
        public List<Action<IBusRegistrationContext, IBusFactoryConfigurator>> Endpoints { get; } = [];
    }
}
