using Computor.Bench;
using Computor.Bench.PythonRunner;
using Computor.Runner.Execution;
using Computor.Material;
using Computor.Runner.Python;
using Computor.Runner.Reports;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Per-suite time of harness + sandbox, next to bare `python3 -c pass` and to pytest checking the
// same things, all measured in this run. Usage: bench/python-runner.sh [runs-per-suite]
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 30;
const string Python = "/usr/bin/python3";

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddEnvironmentVariables(); // e.g. Sandbox__Cgroups=false to see what the cgroups cost
builder.AddPythonEngine();
using var host = builder.Build();
await host.Services.GetRequiredService<Sandbox>().Check(CancellationToken.None);
var suites = host.Services.GetRequiredService<SuiteRunner>();

var bare = Measure.Median(runs, () => Measure.Process(Python, ["-c", "pass"], Environment.CurrentDirectory));
Console.WriteLine($"runs per figure: {runs} (medians); sandbox: bubblewrap; interpreter: {Python}");
Console.WriteLine($"baseline  bare `python3 -c pass`: {bare:0.0} ms");
Console.WriteLine();
Console.WriteLine($"{"suite",-38} {"ours ms",9} {"pytest ms",10} {"ours/python3",13} {"ours/pytest",12}");
foreach (var suite in new[] { Suites.Trivial, Suites.Realistic })
{
    var folder = Directory.CreateTempSubdirectory("computor-bench-").FullName;
    try
    {
        File.WriteAllText(Path.Combine(folder, "test.yaml"), suite.TestYaml);
        Directory.CreateDirectory(Path.Combine(folder, "reference"));
        Directory.CreateDirectory(Path.Combine(folder, "student"));
        File.WriteAllText(Path.Combine(folder, "reference", "solution.py"), suite.Reference);
        File.WriteAllText(Path.Combine(folder, "student", "solution.py"), suite.Student);
        File.WriteAllText(Path.Combine(folder, "test_suite.py"), suite.Pytest);
        var request = new SuiteRequest { TestFile = Path.Combine(folder, "test.yaml"), Specification = RunSpecification.Default(folder) };

        var check = await suites.Run(request, CancellationToken.None);
        if (check.Result != ReportResult.Passed)
            throw new InvalidOperationException($"{suite.Name}: the benchmark suite does not pass ({check.ResultMessage})");
        if (Measure.Process(Python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_suite.py"], folder) < 0)
            throw new InvalidOperationException($"{suite.Name}: the pytest suite does not pass");

        // Cold: the reference runs too (the command line). Released: the service's case, where the
        // reference of a released commit ran once and its values are reused.
        var released = request with { ReferenceKey = $"bench-{Guid.NewGuid()}" };
        var cold = Measure.Median(runs, () => Measure.Time(() => suites.Run(request, CancellationToken.None).GetAwaiter().GetResult()));
        var warm = Measure.Median(runs, () => Measure.Time(() => suites.Run(released, CancellationToken.None).GetAwaiter().GetResult()));
        var pytest = Measure.Median(runs, () => Measure.Process(Python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_suite.py"], folder));
        foreach (var (label, ours) in new[] { ("cold", cold), ("released", warm) })
            Console.WriteLine($"{suite.Name + ", " + label,-38} {ours,9:0.0} {pytest,10:0.0} {ours / bare,12:0.00}x {ours / pytest,11:0.00}x");
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}
