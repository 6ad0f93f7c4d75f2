namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>The real Python runner service as its own process, on the stack's broker, database and object storage.</summary>
static class PythonRunnerProcess
{
    public static Task<ServiceProcess> Start(ComputorStack stack, string cache)
    {
        var address = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        var settings = stack.Settings([
            ("Git:CacheDirectory", cache),
            ("ASPNETCORE_URLS", address.ToString()),
            ("WORKER_CONCURRENCY", "2"),
        ]);
        return ServiceProcess.Start("Computor.PythonRunner", settings, new Uri(address, "/health/ready"));
    }
}
