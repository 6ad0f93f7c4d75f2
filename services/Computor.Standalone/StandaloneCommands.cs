using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Computor.Standalone;

/// <summary>The two things the standalone host does: tour the sample course once, or serve.</summary>
static class StandaloneCommands
{
    /// <summary>A fresh system in a temporary directory, the sample course toured through it, the grades printed.</summary>
    public static async Task<int> Run()
    {
        var clock = Stopwatch.StartNew();
        var settings = StandaloneSettings.Fresh();
        try
        {
            await using var app = StandaloneHost.Build(settings);
            if (!await Started(app))
                return 1;
            Console.WriteLine($"Computor is up at {settings.Url} (in-memory bus, SQLite, files and git in {settings.DataDirectory}).");
            await Tour(app, settings);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {clock.Elapsed.TotalSeconds:0} s. `./computor serve` keeps a system running for you to use."));
            await app.StopAsync();
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"The tour stopped: {ex.Message}");
            return 1;
        }
        finally
        {
            Directory.Delete(settings.DataDirectory, recursive: true);
        }
    }

    /// <summary>The system on its data directory until Ctrl-C; the sample course is toured at the first start.</summary>
    public static async Task<int> Serve(string[] args)
    {
        var settings = StandaloneSettings.ForServe(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        await using var app = StandaloneHost.Build(settings, args);
        if (!await Started(app))
            return 1;
        if (!File.Exists(settings.TourMarker))
        {
            await Tour(app, settings);
            await File.WriteAllTextAsync(settings.TourMarker, DateTimeOffset.UtcNow.ToString("O"));
            Console.WriteLine();
        }
        Console.WriteLine($"Computor API:   {settings.Url}  (OpenAPI at /openapi/v1.json)");
        Console.WriteLine($"Admin token:    {settings.AdminToken(app.Configuration)}  (header X-API-Token)");
        Console.WriteLine($"Repositories:   {settings.GitUrl}  (git over HTTP, the API token as password)");
        Console.WriteLine($"Data:           {settings.DataDirectory}  (kept between starts)");
        Console.WriteLine("Ctrl-C stops it.");
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static int Usage(string mode)
    {
        Console.Error.WriteLine($"Unknown command '{mode}'. Usage: computor [run|serve]");
        return 2;
    }

    static Task Tour(WebApplication app, StandaloneSettings settings) =>
        new SampleCourseTour(settings.Url, settings.AdminToken(app.Configuration), Console.Out).Run(app.Lifetime.ApplicationStopping);

    /// <summary>Starts the host; a component that refuses to start (no sandbox, no Python) says why.</summary>
    static async Task<bool> Started(WebApplication app)
    {
        try
        {
            await app.StartAsync();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"Computor could not start: {ex.Message}");
            return false;
        }
    }
}
