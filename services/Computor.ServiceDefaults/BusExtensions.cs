using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.ServiceDefaults;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings__RabbitMq</c>, an amqp:// URI) with our conventions:
    /// kebab-case endpoints, the PostgreSQL-backed scheduler for delays, and start-up that waits for the broker.
    /// </summary>
    public static IHostApplicationBuilder AddComputorBus(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> configure,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? endpoints = null)
    {
        var connection = builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:RabbitMq is not set (environment variable ConnectionStrings__RabbitMq, e.g. amqp://guest:guest@localhost:5672/)");
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<RunnerQueueDeclaration>(sp, new Uri(connection)));
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddMessageScheduler(SystemQueues.Address(SystemQueues.Scheduler));
            configure(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connection));
                cfg.UseMessageScheduler(SystemQueues.Address(SystemQueues.Scheduler));
                endpoints?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
