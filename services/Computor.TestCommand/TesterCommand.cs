using Computor.Runner.Execution;
using Computor.Material;
using Computor.Runner.Reports;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.DependencyInjection;

namespace Computor.TestCommand;

/// <summary>
/// <c>computor-test &lt;language&gt; run -T test.yaml [-s specification.yaml] [-t studentDirectory]</c>,
/// the arguments and directory defaults of Computor's tester, so lecturers and editor integrations
/// can run material locally and get the report the service would store.
/// </summary>
public static class TesterCommand
{
    public const string Usage = "usage: computor-test <language> run -T test.yaml [-s specification.yaml] [-t studentDirectory]";

    public static async Task<int> Run(string[] args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (TesterArguments.Parse(args) is not { } arguments)
        {
            await errors.WriteLineAsync(Usage);
            return 64;
        }
        var engine = services.GetRequiredService<ILanguageEngine>();
        if (arguments.Language != engine.Language)
        {
            await errors.WriteLineAsync($"computor-test: language '{arguments.Language}' is not supported (supported: python, octave, matlab)");
            return 64;
        }
        try
        {
            await services.GetRequiredService<Sandbox>().Check(CancellationToken.None);
            engine.Check();
            var testFile = Path.GetFullPath(arguments.TestFile);
            var baseDirectory = Path.GetDirectoryName(testFile)!;
            var spec = arguments.Specification is { } s
                ? RunSpecificationReader.Read(Path.GetFullPath(s), baseDirectory)
                : RunSpecification.Default(baseDirectory);
            if (arguments.StudentDirectory is { } student)
                spec = spec with { StudentDirectory = Path.GetFullPath(student) };
            var report = await services.GetRequiredService<SuiteRunner>().Run(new SuiteRequest { TestFile = testFile, Specification = spec }, CancellationToken.None);
            await Print(report, spec, output);
            return 0;
        }
        catch (MaterialException e)
        {
            await errors.WriteLineAsync($"computor-test: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"computor-test: {e.Message}");
            return 1;
        }
    }

    static async Task Print(TestReport report, RunSpecification spec, TextWriter output)
    {
        foreach (var collection in report.Tests ?? [])
        {
            await output.WriteLineAsync($"{collection.Result,-8} {collection.Name} ({collection.Summary.Passed}/{collection.Summary.Total})");
            foreach (var test in (collection.Tests ?? []).Where(t => t.Result != ReportResult.Passed))
                await output.WriteLineAsync($"  {test.Result,-8} {test.Name}: {test.ResultMessage}");
        }
        await output.WriteLineAsync($"{report.Result}: {report.Summary.Passed} of {report.Summary.Total} collections passed, grade {report.Grade:0.###}");
        await output.WriteLineAsync($"report: {spec.ReportPath}");
    }
}
