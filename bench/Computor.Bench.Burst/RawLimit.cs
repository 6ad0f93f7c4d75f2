using System.Diagnostics;
using Computor.Material;
using Computor.Runner.Execution;
using Computor.Runner.Python;
using Computor.Runner.Reports;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Bench.Burst;

/// <summary>
/// The raw limit: the same suites through the same harness and sandbox (SuiteRunner, with a released
/// reference as the service has), at the same concurrency, with no API, broker or database.
/// </summary>
static class RawLimit
{
    public static async Task<double> RunsPerSecond(int suites, int concurrency, IDictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(settings!);
        builder.AddPythonEngine();
        using var host = builder.Build();
        await host.Services.GetRequiredService<Sandbox>().Check(CancellationToken.None);
        var runner = host.Services.GetRequiredService<SuiteRunner>();
        // One folder per slot, as each runner slot has its own workspace.
        var folders = Enumerable.Range(0, concurrency).Select(_ => Prepare()).ToList();
        try
        {
            var requests = new System.Collections.Concurrent.ConcurrentBag<SuiteRequest>(folders.Select(folder => new SuiteRequest
            {
                TestFile = Path.Combine(folder, "test.yaml"), Specification = RunSpecification.Default(folder), ReferenceKey = $"raw-{Guid.NewGuid()}",
            }));
            foreach (var request in requests)
                if ((await runner.Run(request, CancellationToken.None)).Result != ReportResult.Passed)
                    throw new InvalidOperationException("the raw suite does not pass");
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, suites), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
            {
                requests.TryTake(out var request);
                try
                {
                    await runner.Run(request!, ct);
                }
                finally
                {
                    requests.Add(request!);
                }
            });
            return suites / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var folder in folders)
                Directory.Delete(folder, recursive: true);
        }
    }

    static string Prepare()
    {
        var folder = Directory.CreateTempSubdirectory("computor-raw-").FullName;
        File.WriteAllText(Path.Combine(folder, "test.yaml"), BenchCourse.TestYaml);
        foreach (var side in new[] { "reference", "student" })
        {
            Directory.CreateDirectory(Path.Combine(folder, side));
            File.WriteAllText(Path.Combine(folder, side, "solution.py"), BenchCourse.Solution);
        }
        return folder;
    }
}
