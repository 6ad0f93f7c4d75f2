using System.Globalization;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>A real runner service (Python or MATLAB) as its own process, on the stack's broker, database and object storage.</summary>
static class RunnerProcess
{
    public static Task<ServiceProcess> Python(ComputorStack stack, string cache) => Start("Computor.PythonRunner", stack, cache, 61000);

    /// <summary>Its sandbox uids start elsewhere, as two runners on one host must (see the README).</summary>
    public static Task<ServiceProcess> Matlab(ComputorStack stack, string cache) => Start("Computor.MatlabRunner", stack, cache, 62000);

    static Task<ServiceProcess> Start(string project, ComputorStack stack, string cache, int firstUid)
    {
        var address = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        var settings = stack.Settings([
            ("Git:CacheDirectory", Path.Combine(cache, "references")),
            ("Git:MirrorDirectory", Path.Combine(cache, "mirrors")),
            ("ASPNETCORE_URLS", address.ToString()),
            ("WORKER_CONCURRENCY", "2"),
            ("Sandbox:FirstUid", firstUid.ToString(CultureInfo.InvariantCulture)),
        ]);
        return ServiceProcess.Start(project, settings, new Uri(address, "/health/ready"));
    }
}
