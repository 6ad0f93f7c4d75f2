using Computor.IntegrationSpecs.Infrastructure;
using Computor.Runner.Reports;
using Computor.TestCommand;

namespace Computor.RunnerSpecs;

/// <summary>The sample course (samples/python-course) stays honest: each correct attempt scores 1.0, each wrong one less, with reasons.</summary>
public class When_the_sample_course_is_tested
{
    static readonly string Course = Path.Combine(RepositoryRoot.Path, "samples", "python-course");

    static async Task<TestReport> Test(string assignment, string attempt)
    {
        var output = Directory.CreateTempSubdirectory("computor-sample-").FullName;
        try
        {
            var material = Path.Combine(Course, "material", "01_basics", assignment);
            await File.WriteAllTextAsync(Path.Combine(output, "specification.yaml"),
                $"referenceDirectory: {material}\nstudentDirectory: {Path.Combine(Course, "solutions", assignment, attempt)}\noutputDirectory: {output}\n");
            var errors = new StringWriter();
            var code = await TesterCommand.Run(["python", "run", "-T", Path.Combine(material, "test.yaml"), "-s", Path.Combine(output, "specification.yaml")],
                Engine.Services, TextWriter.Null, errors);
            Assert.That(code, Is.Zero, errors.ToString());
            return ReportJson.Deserialize(await File.ReadAllBytesAsync(Path.Combine(output, "testSummary.json")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [TestCase("01_greeting")]
    [TestCase("02_statistics")]
    public async Task Should_score_the_correct_attempt_one(string assignment) =>
        Assert.That((await Test(assignment, "correct")).Grade, Is.EqualTo(1.0));

    [TestCase("01_greeting", "length", "expected 11 actual 9")]
    [TestCase("02_statistics", "best", "expected 1 actual 5")]
    public async Task Should_fail_the_wrong_attempt_with_reasons(string assignment, string test, string reason)
    {
        var report = await Test(assignment, "wrong");

        Assert.That(report.Grade, Is.LessThan(1.0));
        Assert.That(report.Tests!.SelectMany(c => c.Tests ?? []).Single(t => t.Name == test).ResultMessage, Does.Contain(reason));
    }
}
