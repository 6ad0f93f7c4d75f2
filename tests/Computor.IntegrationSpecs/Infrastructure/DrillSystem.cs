using System.Globalization;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// The whole system as deployed: the API, the system service and Python runners each as its own process on a
/// fresh database and virtual host, so a drill can kill any of them with SIGKILL and start it again.
/// </summary>
sealed class DrillSystem : IAsyncDisposable
{
    readonly string cache = Directory.CreateTempSubdirectory("computor-drill-cache-").FullName;
    readonly List<ServiceProcess> runners = [];
    int nextUid = 61000;

    DrillSystem(ComputorStack stack) => Stack = stack;

    public ComputorStack Stack { get; }
    public ServiceProcess Api { get; private set; } = null!;
    public ServiceProcess System { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Runners => runners;

    public static async Task<DrillSystem> Start(int runners)
    {
        var drill = new DrillSystem(await ComputorStack.Create());
        await drill.StartApi();
        await drill.StartSystem();
        for (var i = 0; i < runners; i++)
            await drill.StartRunner();
        return drill;
    }

    public async Task StartApi() =>
        Api = await ServiceProcess.Start("Computor.Api", Stack.Settings(("ASPNETCORE_URLS", Stack.ApiAddress.ToString())),
            new Uri(Stack.ApiAddress, "/health/live"));

    public async Task StartSystem()
    {
        var address = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        System = await ServiceProcess.Start("Computor.System", Stack.Settings(("ASPNETCORE_URLS", address.ToString())), new Uri(address, "/health/ready"));
    }

    /// <summary>Each runner gets its own sandbox uids, as two runners on one host must.</summary>
    public async Task StartRunner()
    {
        var address = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        var settings = Stack.Settings(("Git:CacheDirectory", Path.Combine(cache, "references")), ("Git:MirrorDirectory", Path.Combine(cache, "mirrors")),
            ("ASPNETCORE_URLS", address.ToString()), ("WORKER_CONCURRENCY", "2"),
            ("Sandbox:FirstUid", nextUid.ToString(CultureInfo.InvariantCulture)));
        nextUid += 100;
        runners.Add(await ServiceProcess.Start("Computor.PythonRunner", settings, new Uri(address, "/health/ready")));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in runners)
            await runner.DisposeAsync();
        if (System is not null)
            await System.DisposeAsync();
        if (Api is not null)
            await Api.DisposeAsync();
        await Stack.DisposeAsync();
        Directory.Delete(cache, recursive: true);
    }
}
