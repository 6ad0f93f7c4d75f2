using Computor.Api;
using Computor.PythonRunner;
using Computor.ServiceDefaults;
using Computor.System;
using Microsoft.Extensions.Configuration.Memory;

namespace Computor.Standalone;

/// <summary>
/// The API, the system service and the Python runner in one process: the services' own modules on one bus,
/// with embedded stand-ins (in-memory transport, SQLite, a folder for objects, local git) unless the
/// environment names the real components.
/// </summary>
public static class StandaloneHost
{
    public static WebApplication Build(StandaloneSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(StandaloneHost).Assembly.GetName().Name,
        });
        // First source, so that every variable the services read still overrides its default.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = settings.Defaults(builder.Configuration) });
        builder.WebHost.UseUrls(settings.Url.ToString());
        builder.AddServiceDefaults();
        builder.AddComputorApi();
        builder.AddComputorSystem();
        builder.AddPythonRunner();
        builder.AddComputorBus(inMemoryWithoutBroker: true);
        var app = builder.Build();
        app.MapComputorApi();
        return app;
    }
}
