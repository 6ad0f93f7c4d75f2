using Computor.Api;
using Computor.ServiceDefaults;
using Computor.System;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// The services of one fixture, composed exactly as their Program.cs files do, each in its own host on a
/// private database and virtual host: the API on a real port, the system service, and a stand-in runner.
/// </summary>
sealed class ComputorStack : IAsyncDisposable
{
    public const string AdminToken = "specs-admin-token-0123456789";

    readonly Dictionary<string, string?> settings;
    IHost? system;
    WebApplication? api;
    IHost? runner;

    ComputorStack(Dictionary<string, string?> settings) => this.settings = settings;

    public RunnerGate Gate { get; } = new();
    public Uri ApiAddress { get; } = new($"http://127.0.0.1:{Shell.FreePort()}");
    public string Database => settings["ConnectionStrings:Computor"]!;
    public string Broker => settings["ConnectionStrings:RabbitMq"]!;

    /// <summary>All three services on a fresh database and virtual host.</summary>
    public static async Task<ComputorStack> Start(params (string Key, string Value)[] overrides)
    {
        var stack = await Create(overrides);
        await stack.StartApi();
        await stack.StartSystem();
        await stack.StartRunner();
        return stack;
    }

    /// <summary>A fresh database and virtual host with no service started yet.</summary>
    public static async Task<ComputorStack> Create(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Computor"] = await Servers.Current.NewDatabase(),
            ["ConnectionStrings:RabbitMq"] = await Servers.Current.NewVirtualHost(),
            ["COMPUTOR_ADMIN_TOKEN"] = AdminToken,
            ["Persistence:OutboxPollInterval"] = "00:00:00.200",
            ["Persistence:SchedulerPollInterval"] = "00:00:00.100",
            // Specs send simultaneous requests on purpose; the one-per-second rule has its own spec.
            ["TestRequests:PerUserPerSecond"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        };
        foreach (var (key, value) in Servers.Storage.Settings().Concat(overrides))
            settings[key] = value;
        return new ComputorStack(settings);
    }

    /// <summary>The settings every service of this stack runs with, with some replaced.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string Value)[] replaced)
    {
        var copy = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in replaced)
            copy[key] = value;
        return copy;
    }

    /// <summary>Changes a setting for the services started after this.</summary>
    public void Set(string key, string value) => settings[key] = value;

    /// <summary>Completes once the system service has handled a matching message (or failed to) so many times.</summary>
    public Task<T> SystemConsumed<T>(Func<T, bool> match, int times = 1) where T : class
    {
        var observer = new ConsumedObserver<T>(match, times);
        var handle = SystemBus.ConnectConsumeObserver(observer);
        return observer.Consumed.ContinueWith(t => { handle.Disconnect(); return t.Result; }, TaskScheduler.Default);
    }

    public IBus SystemBus => system!.Services.GetRequiredService<IBus>();

    public HttpClient Client(string? token = null) => ApiClient.Create(ApiAddress, token);

    /// <summary>A service of the running API.</summary>
    public T ApiService<T>() where T : notnull => api!.Services.GetRequiredService<T>();

    public HttpClient Admin() => Client(AdminToken);

    public async Task StartSystem()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Computor.System" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddComputorSystem();
        builder.AddComputorBus();
        system = builder.Build();
        await system.StartAsync();
    }

    public async Task StopSystem()
    {
        await Stop(system);
        system = null;
    }

    public async Task StartApi()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Computor.Api" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(ApiAddress.ToString());
        builder.AddServiceDefaults();
        builder.AddComputorApi();
        builder.AddComputorBus();
        api = builder.Build();
        api.MapComputorApi();
        await api.StartAsync();
    }

    public async Task StartRunner()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "StandInRunner" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(Gate);
        builder.AddBusModule(x => x.AddConsumer<StandInRunner, StandInRunnerDefinition>());
        builder.AddComputorBus();
        runner = builder.Build();
        await runner.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Stop(runner);
        await Stop(system);
        if (api is not null)
            await api.DisposeAsync();
    }

    static async Task Stop(IHost? host)
    {
        if (host is null)
            return;
        await host.StopAsync();
        host.Dispose();
    }
}
