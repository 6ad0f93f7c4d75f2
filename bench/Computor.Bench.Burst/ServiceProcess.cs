using System.Diagnostics;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.Bench.Burst;

/// <summary>A built service started as its own process with its settings in the environment.</summary>
sealed class ServiceProcess(string name, Process process) : IDisposable
{
    readonly IDisposable stopping = Interruption.OnExit(() => Stop(process));

    public string Name => name;

    public int Id => process.Id;

    public static async Task<ServiceProcess> Start(string root, string project, string name, IDictionary<string, string> settings, Uri health)
    {
        var folder = Path.Combine(root, "services", project, "bin", "Release", "net10.0");
        // Started in its own folder, as the images start it in /app: its content root, whose files the host watches
        // for changes, is then that folder and not the caller's, such as the repository with the servers' data in it.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, project + ".dll"));
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        var service = new ServiceProcess(name, process);
        var said = new OutputTail(process);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(health)).IsSuccessStatusCode)
                    return service;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        var exited = process.HasExited ? $"exited with {process.ExitCode}" : $"did not become healthy at {health} within 90 s";
        // A service that never started must not outlive the benchmark that started it.
        service.Dispose();
        throw new InvalidOperationException($"{name} {exited}; its last lines:\n{said}");
    }

    /// <summary>Peak resident memory (VmHWM) in MB, from /proc.</summary>
    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    public void Dispose() => stopping.Dispose();

    static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
