using Computor.Runner.Execution;
using Computor.Material;
using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

/// <summary>An assignment folder in the editor layout (test.yaml, reference/, student/) built by a spec.</summary>
public sealed class Assignment : IDisposable
{
    /// <summary>A collection timeout with time enough for any honest step on a machine busy with other specs (3 s was not
    /// always enough in CI), for specs whose point is not the timeout: a slow moment must not turn their answer into one.</summary>
    public const int AmpleTimeoutSeconds = 25;

    readonly DirectoryInfo root = Directory.CreateTempSubdirectory("computor-assignment-");

    public string Root => root.FullName;
    public string TestFile => Path.Combine(Root, "test.yaml");
    public string ReportFile => Path.Combine(Root, "output", "testSummary.json");

    public Assignment Test(string yaml) => Write("test.yaml", yaml);
    public Assignment Reference(string code, string file = "solution.py") => Write(Path.Combine("reference", file), code);
    public Assignment Student(string code, string file = "solution.py") => Write(Path.Combine("student", file), code);

    public Assignment Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public Task<TestReport> Run(Contracts.Testing.TestLimits? limits = null, string? referenceKey = null) =>
        RunWith(Engine.Suites, limits, referenceKey);

    public Task<TestReport> RunWith(SuiteRunner suites, Contracts.Testing.TestLimits? limits = null, string? referenceKey = null) => suites.Run(new SuiteRequest
    {
        TestFile = TestFile,
        Specification = RunSpecification.Default(Root),
        CourseLimits = limits,
        ReferenceKey = referenceKey,
    }, CancellationToken.None);

    public void Dispose() => root.Delete(recursive: true);
}

public static class ReportReading
{
    public static TestReport Collection(this TestReport report, string name) =>
        report.Tests!.SingleOrDefault(c => c.Name == name) ?? throw new AssertionException($"no collection '{name}' in the report");

    public static TestReport Test(this TestReport collection, string name) =>
        collection.Tests!.SingleOrDefault(t => t.Name == name) ?? throw new AssertionException($"no test '{name}' in '{collection.Name}'");
}
