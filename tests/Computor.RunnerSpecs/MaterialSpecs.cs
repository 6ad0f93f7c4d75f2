using Computor.Material;
using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

public class When_course_material_is_wrong
{
    [Test]
    public void Should_name_the_file_the_key_and_the_problem_for_an_unknown_key()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: a\n      tests:\n        - name: x\n          vaule: 3\n")
            .Reference("x = 3\n").Student("x = 3\n");
        var error = Assert.ThrowsAsync<MaterialException>(() => assignment.Run());
        Assert.That(error!.Message, Does.StartWith("test.yaml: properties.tests[0].tests[0].vaule: unknown key (line 7)"));
    }

    [Test]
    public void Should_name_the_key_of_a_value_of_the_wrong_type()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  absoluteTolerance: small\n  tests:\n    - name: a\n      tests: [{name: x}]\n")
            .Reference("x = 3\n").Student("x = 3\n");
        var error = Assert.ThrowsAsync<MaterialException>(() => assignment.Run());
        Assert.That(error!.Message, Does.StartWith("test.yaml: properties.absoluteTolerance: expected a number, found 'small'"));
    }

    [Test]
    public void Should_refuse_a_suite_for_another_language()
    {
        using var assignment = new Assignment()
            .Test("type: octave\nproperties:\n  tests:\n    - {name: a, tests: [{name: x}]}\n")
            .Reference("x = 3\n").Student("x = 3\n");
        var error = Assert.ThrowsAsync<MaterialException>(() => assignment.Run());
        Assert.That(error!.Message, Is.EqualTo("test.yaml: type: 'octave' suites are not run by the python runner (it runs: python)"));
    }

    [Test]
    public void Should_say_which_file_is_missing()
    {
        using var assignment = new Assignment().Reference("x = 3\n").Student("x = 3\n");
        var error = Assert.ThrowsAsync<MaterialException>(() => assignment.Run());
        Assert.That(error!.Message, Does.StartWith("test.yaml: file not found"));
    }

    [Test]
    public void Should_reject_a_dependency_on_an_unknown_collection()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - {name: a, successDependency: nothere, tests: [{name: x}]}\n")
            .Reference("x = 3\n").Student("x = 3\n");
        var error = Assert.ThrowsAsync<MaterialException>(() => assignment.Run());
        Assert.That(error!.Message, Does.Contain("dependency 'nothere' names no collection"));
    }

    [Test]
    public void Should_name_meta_yaml_keys_of_the_wrong_type()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - {name: a, tests: [{name: x}]}\n")
            .Write("reference/meta.yaml", "slug: demo\nproperties:\n  executionBackend:\n    slug: itpcp.exec.py\n    settings:\n      timeout: soon\n")
            .Reference("x = 3\n").Student("x = 3\n");
        var error = Assert.ThrowsAsync<MaterialException>(() => assignment.Run());
        Assert.That(error!.Message, Does.StartWith("meta.yaml: properties.executionBackend.settings.timeout: expected a number, found 'soon'"));
    }

    [Test]
    public async Task Should_copy_test_files_beside_the_student_code_and_ignore_unknown_meta_keys()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - {name: a, tests: [{name: total}]}\n")
            .Write("reference/meta.yaml", "slug: demo\nsomethingNew: 1\nproperties:\n  testFiles: [data.txt]\n  studentSubmissionFiles: [main.py]\n")
            .Write("reference/data.txt", "1\n2\n3\n")
            .Reference("total = sum(int(l) for l in open('data.txt'))\n", "main.py")
            .Student("with open('data.txt') as f:\n    total = sum(map(int, f))\n", "main.py");
        var report = await assignment.Run();
        Assert.That(report.Result, Is.EqualTo(ReportResult.Passed), report.Collection("a").Tests![0].ResultMessage);
    }
}
