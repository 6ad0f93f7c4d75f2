using Computor.Runner.Reports;
using Computor.TestCommand;

namespace Computor.RunnerSpecs;

public class When_material_is_tested_from_the_command_line
{
    const string Suite = "type: python\nproperties:\n  tests:\n    - {name: answer, tests: [{name: x}]}\n    - {name: text, tests: [{name: s}]}\n";

    static async Task<(int Code, string Output, string Errors)> Run(string directory, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        try
        {
            var code = await TesterCommand.Run(args, Engine.Services, output, errors);
            return (code, output.ToString(), errors.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    [NonParallelizable]
    public async Task Should_use_the_editor_layout_by_default_and_write_output_test_summary()
    {
        using var assignment = new Assignment().Test(Suite).Reference("x = 1\ns = 'a'\n").Student("x = 1\ns = 'b'\n");
        var (code, output, _) = await Run(assignment.Root, "python", "run", "-T", "test.yaml");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("FAILED: 1 of 2 collections passed, grade 0.5"));
        var report = ReportJson.Deserialize(File.ReadAllBytes(assignment.ReportFile));
        Assert.That(report.Collection("text").Test("s").ResultMessage, Is.EqualTo("Variable `s` differs from expected: expected 'a' actual 'b'"));
    }

    [Test]
    [NonParallelizable]
    public async Task Should_take_directories_from_a_specification_and_the_student_directory_from_t()
    {
        using var assignment = new Assignment()
            .Test(Suite)
            .Write("solution/solution.py", "x = 1\ns = 'a'\n")
            .Write("attempts/two/solution.py", "x = 1\ns = 'a'\n")
            .Write("spec.yaml", "referenceDirectory: solution\noutputDirectory: results\noutputName: report.json\n");
        var (code, _, errors) = await Run(assignment.Root, "python", "run", "-T", "test.yaml", "-s", "spec.yaml", "-t", "attempts/two");
        Assert.That(code, Is.Zero, errors);
        var report = ReportJson.Deserialize(File.ReadAllBytes(Path.Combine(assignment.Root, "results", "report.json")));
        Assert.That(report.Grade, Is.EqualTo(1.0));
    }

    [Test]
    [NonParallelizable]
    public async Task Should_explain_bad_material_and_bad_arguments()
    {
        using var assignment = new Assignment().Test("type: python\nproperties:\n  tests: 3\n").Reference("x = 1\n").Student("x = 1\n");
        var (code, _, errors) = await Run(assignment.Root, "python", "run", "-T", "test.yaml");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(errors, Does.Contain("test.yaml: properties.tests: expected a list"));

        (code, _, errors) = await Run(assignment.Root, "python", "test");
        Assert.That(code, Is.EqualTo(64));
        Assert.That(errors, Does.Contain(TesterCommand.Usage));
    }
}
