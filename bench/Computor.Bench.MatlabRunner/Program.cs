using Computor.Bench;
using Computor.Material;
using Computor.Runner.Execution;
using Computor.Runner.Matlab;
using Computor.Runner.Reports;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Per-suite time of the MATLAB-language harness + sandbox on Octave, next to bare
// `octave-cli --eval 'disp(1)'`, both measured in this run. Usage: bench/matlab-runner.sh [runs-per-suite]
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10;
const string Octave = "/usr/bin/octave-cli";

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddEnvironmentVariables();
builder.AddMatlabEngine();
using var host = builder.Build();
await host.Services.GetRequiredService<Sandbox>().Check(CancellationToken.None);
var suites = host.Services.GetRequiredService<SuiteRunner>();

var bare = Measure.Median(runs, () => Measure.Process(Octave, ["--eval", "disp(1)"], Environment.CurrentDirectory));
Console.WriteLine($"runs per figure: {runs} (medians); sandbox: bubblewrap; engine: {Octave}");
Console.WriteLine($"baseline  bare `octave-cli --eval 'disp(1)'`: {bare:0.0} ms");
Console.WriteLine();
Console.WriteLine($"{"suite",-40} {"ours ms",9} {"collections",12} {"ours/octave",12}");
var suitesToRun = new[]
{
    ("trivial, one collection", "type: octave\nproperties:\n  tests:\n    - {name: answer, tests: [{name: x}]}\n", "x = 42;\n"),
    ("realistic, four collections", """
        type: octave
        properties:
          tests:
            - {name: values, tests: [{name: total}, {name: m}, {name: s}]}
            - {name: output, type: stdout, tests: [{name: stdout, qualification: contains, pattern: total}]}
            - {name: loops, type: structural, tests: [{name: for, allowedOccuranceRange: [1, 0]}]}
            - {name: more, tests: [{name: "m(2, 3)"}, {name: "numel(s)"}]}
        """, "total = 0;\nfor k = 1:10\n  total = total + k;\nend\nm = magic(4);\ns = sprintf('total %d', total);\ndisp(s);\n"),
};
foreach (var (name, yaml, code) in suitesToRun)
{
    var folder = Directory.CreateTempSubdirectory("computor-bench-").FullName;
    try
    {
        File.WriteAllText(Path.Combine(folder, "test.yaml"), yaml);
        foreach (var side in new[] { "reference", "student" })
        {
            Directory.CreateDirectory(Path.Combine(folder, side));
            File.WriteAllText(Path.Combine(folder, side, "solution.m"), code);
        }
        var request = new SuiteRequest { TestFile = Path.Combine(folder, "test.yaml"), Specification = RunSpecification.Default(folder) };
        var check = await suites.Run(request, CancellationToken.None);
        if (check.Result != ReportResult.Passed)
            throw new InvalidOperationException($"{name}: the benchmark suite does not pass ({check.ResultMessage})");
        // The service's case: the reference of a released commit ran once and its values are reused.
        var released = request with { ReferenceKey = $"bench-{Guid.NewGuid()}" };
        var ours = Measure.Median(runs, () => Measure.Time(() => suites.Run(released, CancellationToken.None).GetAwaiter().GetResult()));
        Console.WriteLine($"{name,-40} {ours,9:0.0} {check.Tests!.Count(c => c.Type != "structural"),12} {ours / bare,11:0.00}x");
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}
