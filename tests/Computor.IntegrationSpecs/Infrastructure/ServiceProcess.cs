using System.Diagnostics;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>A service run as its own operating-system process, as deployed, so a spec can kill it with SIGKILL.</summary>
sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process process;

    ServiceProcess(Process process) => this.process = process;

    /// <summary>The build configuration the specs run in; services are started from the same one.</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains("/bin/Release/") ? "Release" : "Debug";

    /// <summary>Starts the built service with the settings as environment variables and waits until it answers <paramref name="health"/>.</summary>
    public static async Task<ServiceProcess> Start(string project, IDictionary<string, string?> settings, Uri health)
    {
        var dll = Path.Combine(RepositoryRoot.Path, "services", project, "bin", Configuration, "net10.0", project + ".dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        var said = new OutputTail(process);

        var service = new ServiceProcess(process);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Eventually.Until(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{project} exited with {process.ExitCode} before it answered");
                try { return (await http.GetAsync(health)).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, up => up, $"{project} to answer {health}", TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            // A service that never started must not outlive the spec that started it.
            await service.DisposeAsync();
            Assert.Fail($"{e.Message}\n{project}'s last lines:\n{said}");
        }
        return service;
    }

    public async Task Kill()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            await Kill();
        process.Dispose();
    }
}
