using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

public class When_collections_depend_on_each_other
{
    [Test]
    public async Task Should_skip_collections_whose_dependency_did_not_pass()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - {name: first, id: one, tests: [{name: x}]}
                      - {name: second, tests: [{name: y}]}
                      - {name: by name, successDependency: first, tests: [{name: y}]}
                      - {name: by id, successDependency: one, tests: [{name: y}]}
                      - {name: by index, successDependency: [1], tests: [{name: y}]}
                  """)
            .Reference("x = 1\ny = 2\n")
            .Student("x = 0\ny = 2\n");
        var report = await assignment.Run();
        Assert.That(report.Collection("by name").Test("y").ResultMessage, Is.EqualTo("Skipped: collection `first` did not pass"));
        Assert.That(report.Collection("by id").Result, Is.EqualTo(ReportResult.Skipped));
        Assert.That(report.Collection("by index").Result, Is.EqualTo(ReportResult.Passed), "index 1 is the second collection (0-based in Python)");
        Assert.That(report.Summary, Is.EqualTo(new ReportSummary(5, 2, 1, 2)));
        Assert.That(report.Grade, Is.EqualTo(0.4));
    }

    [Test]
    public async Task Should_prepend_the_set_up_code_of_a_set_up_dependency()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - {name: base, setUpCode: "a = 10", tests: [{name: a}]}
                      - {name: uses base, setUpCodeDependency: base, setUpCode: "b = a + 1", tests: [{name: b, value: 11}]}
                  """)
            .Reference("pass\n")
            .Student("pass\n");
        var report = await assignment.Run();
        Assert.That(report.Collection("uses base").Result, Is.EqualTo(ReportResult.Passed), report.Collection("uses base").Tests![0].ResultMessage);
    }
}
