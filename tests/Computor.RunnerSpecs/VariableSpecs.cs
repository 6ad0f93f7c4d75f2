using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

public class When_variables_are_compared
{
    static async Task<TestReport> Run(string tests, string reference, string student)
    {
        using var assignment = new Assignment()
            .Test($"type: python\nname: spec\nproperties:\n  tests:\n    - name: values\n      tests:\n{tests}")
            .Reference(reference)
            .Student(student);
        return (await assignment.Run()).Collection("values");
    }

    [Test]
    public async Task Should_score_a_correct_submission_one()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: a\n      tests: [{name: x}, {name: y}]\n    - name: b\n      tests: [{name: s}]\n")
            .Reference("x = 2\ny = [1, 2]\ns = 'hi'\n")
            .Student("x = 1 + 1\ny = [1, 2]\ns = 'h' + 'i'\n");
        var report = await assignment.Run();
        Assert.That(report.Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(report.Summary, Is.EqualTo(new ReportSummary(2, 2, 0, 0)));
        Assert.That(report.Grade, Is.EqualTo(1.0));
        Assert.That(File.Exists(assignment.ReportFile), "testSummary.json is written to output/");
    }

    [Test]
    public async Task Should_accept_differences_within_the_absolute_tolerance()
    {
        var values = await Run("        - name: x\n        - name: y\n          absoluteTolerance: 0\n", "x = 1.0\ny = 1.0\n", "x = 1.00001\ny = 1.00001\n");
        Assert.That(values.Test("x").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(values.Test("y").Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(values.Test("y").ResultMessage, Is.EqualTo("Variable `y` differs from expected: expected 1.0 actual 1.00001"));
    }

    [Test]
    public async Task Should_accept_differences_within_the_relative_tolerance()
    {
        var values = await Run("        - name: x\n          absoluteTolerance: 0\n          relativeTolerance: 0.01\n", "x = 1000.0\n", "x = 1005.0\n");
        Assert.That(values.Test("x").Result, Is.EqualTo(ReportResult.Passed));
    }

    [Test]
    public async Task Should_treat_nan_as_equal_to_nan()
    {
        var values = await Run("        - name: x\n        - name: y\n", "x = float('nan')\ny = [1.0, float('nan')]\n", "x = float('nan')\ny = [1.0, 2.0]\n");
        Assert.That(values.Test("x").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(values.Test("y").Result, Is.EqualTo(ReportResult.Failed));
    }

    [Test]
    public async Task Should_compare_numpy_arrays_by_shape_then_element_wise()
    {
        var values = await Run("        - name: a\n        - name: b\n        - name: c\n        - name: z\n",
            "import numpy as np\na = np.array([1.0, 2.0, np.nan])\nb = np.zeros(4)\nc = np.array([1.0, 2.0])\nz = np.array([1+2j, 3j])\n",
            "import numpy as np\na = np.array([1.0, 2.00001, np.nan])\nb = np.zeros((1, 4))\nc = np.array([1.0, 2.5])\nz = np.array([1+2j, 3j])\n");
        Assert.That(values.Test("a").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(values.Test("b").ResultMessage, Is.EqualTo("Variable `b` has wrong shape: expected (4,) actual (1, 4)"));
        Assert.That(values.Test("c").ResultMessage, Does.StartWith("Variable `c` differs from expected").And.Contains("[1]"));
        Assert.That(values.Test("z").Result, Is.EqualTo(ReportResult.Passed), "complex arrays cross as JSON too");
    }

    [Test]
    public async Task Should_check_types_with_numeric_types_interchangeable()
    {
        var values = await Run("        - name: n\n        - name: s\n        - name: t\n          typeCheck: false\n        - name: f\n",
            "import numpy as np\nn = 3.0\ns = '3'\nt = '3'\nf = 2.5\n",
            "import numpy as np\nn = 3\ns = 3\nt = '3'\nf = np.float64(2.5)\n");
        Assert.That(values.Test("n").Result, Is.EqualTo(ReportResult.Passed), "int and float are both numbers");
        Assert.That(values.Test("s").ResultMessage, Is.EqualTo("Variable `s` has incorrect type: expected str actual int"));
        Assert.That(values.Test("t").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(values.Test("f").Result, Is.EqualTo(ReportResult.Passed), "numpy scalars compare as Python floats");
    }

    [Test]
    public async Task Should_compare_lengths_of_lists_and_tuples_as_lists()
    {
        var values = await Run("        - name: l\n        - name: t\n", "l = [1, 2, 3]\nt = (1, 2)\n", "l = [1, 2]\nt = [1, 2]\n");
        Assert.That(values.Test("l").ResultMessage, Is.EqualTo("Variable `l` has wrong length: expected 3 actual 2"));
        Assert.That(values.Test("t").Result, Is.EqualTo(ReportResult.Passed));
    }

    [Test]
    public async Task Should_skip_a_test_whose_value_the_reference_lacks_and_fail_one_the_student_lacks()
    {
        var values = await Run("        - name: only_student\n        - name: only_reference\n", "only_reference = 1\n", "only_student = 1\n");
        Assert.That(values.Test("only_student").Result, Is.EqualTo(ReportResult.Skipped));
        Assert.That(values.Test("only_student").ResultMessage, Is.EqualTo("Variable `only_student` not found in reference namespace"));
        Assert.That(values.Test("only_reference").ResultMessage, Is.EqualTo("Variable `only_reference` not found in student namespace"));
        Assert.That(values.Result, Is.EqualTo(ReportResult.Skipped), "a skipped test makes the collection skipped even when another failed");
    }

    [Test]
    public async Task Should_read_expressions_values_and_eval_strings()
    {
        var values = await Run(
            "        - name: d['k']\n        - name: p.x\n        - name: x\n          value: 7\n        - name: y\n          evalString: x * 2\n",
            "class P:\n    x = 5\nd = {'k': [1, 2]}\np = P()\nx = 7\n",
            "class P:\n    x = 5\nd = {'k': [1, 2]}\np = P()\nx = 7\ny = 14\n");
        Assert.That(values.Tests!.Select(t => t.Result), Is.All.EqualTo(ReportResult.Passed), string.Join("; ", values.Tests!.Select(t => t.ResultMessage)));
    }

    [Test]
    public async Task Should_run_the_script_as_a_module_with_set_up_and_tear_down_code_and_fixed_seeds()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - name: module
                        setUpCode: "z = x + 1"
                        tearDownCode: "w = z * 10"
                        tests: [{name: x}, {name: z}, {name: w}, {name: r}, {name: main}]
                  """)
            .Reference("import random\nx = 1\nr = random.random()\nmain = False\n")
            .Student("import random\nx = 1\nr = random.random()\nmain = False\nif __name__ == '__main__':\n    main = True\n");
        var values = (await assignment.Run()).Collection("module");
        Assert.That(values.Tests!.Select(t => t.Result), Is.All.EqualTo(ReportResult.Passed), string.Join("; ", values.Tests!.Select(t => t.ResultMessage)));
    }

    [Test]
    public async Task Should_compare_deeply_nested_values_and_survive_absurd_ones()
    {
        var values = await Run("        - name: y\n        - name: z\n",
            "y = 1\nfor _ in range(50):\n    y = [y]\nz = 0\nfor _ in range(300):\n    z = {'k': z}\n",
            "y = 2\nfor _ in range(50):\n    y = [y]\nz = 0\nfor _ in range(300):\n    z = {'k': z}\n");
        Assert.That(values.Test("y").ResultMessage, Does.StartWith("Variable `y` differs from expected"));
        Assert.That(values.Test("z").ResultMessage ?? "", Does.Not.StartWith("Execution aborted"));
    }

    [Test]
    public async Task Should_fail_every_test_of_a_collection_whose_script_raises()
    {
        var values = await Run("        - name: x\n        - name: y\n", "x = 1\ny = 2\n", "x = 1\ny = 1 / 0\n");
        Assert.That(values.Tests!.Select(t => t.ResultMessage), Is.All.EqualTo("Execution failed: ZeroDivisionError: division by zero"));
        Assert.That(values.Result, Is.EqualTo(ReportResult.Failed));
    }

    [Test]
    public async Task Should_fail_a_syntax_error_cleanly_with_its_message()
    {
        var values = await Run("        - name: x\n", "x = 1\n", "x = (1\n");
        Assert.That(values.Test("x").Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(values.Test("x").ResultMessage, Does.StartWith("Execution failed: SyntaxError:"));
    }
}
