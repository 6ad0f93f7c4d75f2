using Computor.Contracts.Testing;
using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

public class When_limits_and_settings_come_from_several_places
{
    const string Meta = "slug: slow\nproperties:\n  executionBackend:\n    slug: itpcp.exec.py\n    settings:\n      timeout: 1\n      env: [GREETING=hello]\n";

    static Assignment Slow(string collectionTimeout) => new Assignment()
        .Test($"type: python\nproperties:\n  tests:\n    - name: slow\n{collectionTimeout}      tests: [{{name: x}}, {{name: greeting}}]\n")
        .Write("reference/meta.yaml", Meta)
        .Reference("import os, time\ntime.sleep(1.5)\nx = 1\ngreeting = os.environ['GREETING']\n")
        .Student("import os, time\ntime.sleep(1.5)\nx = 1\ngreeting = os.environ['GREETING']\n");

    [Test]
    public async Task Should_take_the_timeout_from_meta_yaml_over_the_course()
    {
        using var assignment = Slow("");
        var report = await assignment.Run(new TestLimits { TimeoutSeconds = 30 });
        Assert.That(report.Collection("slow").Test("x").ResultMessage, Is.EqualTo("Timeout: execution took longer than 1 s"));
        Assert.That(report.Collection("slow").Status, Is.EqualTo(ReportStatus.TimedOut));
    }

    [Test]
    public async Task Should_take_the_timeout_from_test_yaml_over_meta_yaml_and_pass_the_environment()
    {
        using var assignment = Slow($"      timeout: {Assignment.AmpleTimeoutSeconds}\n");
        var report = await assignment.Run(new TestLimits { TimeoutSeconds = 30 });
        Assert.That(report.Collection("slow").Result, Is.EqualTo(ReportResult.Passed), report.Collection("slow").Tests![0].ResultMessage);
    }

    [Test]
    public async Task Should_never_let_material_exceed_the_courses_time()
    {
        using var assignment = Slow($"      timeout: {Assignment.AmpleTimeoutSeconds}\n");
        var report = await assignment.Run(new TestLimits { TimeoutSeconds = 1 });
        Assert.That(report.Collection("slow").Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(report.Collection("slow").Tests![0].ResultMessage, Does.StartWith("Timeout:"));
    }
}
