using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

public class When_other_collection_types_are_tested
{
    [Test]
    public async Task Should_count_tokens_for_structural_tests()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - name: loops
                        type: structural
                        tests:
                          - {name: for, allowedOccuranceRange: [1, 0]}
                          - {name: while, allowedOccuranceRange: [0, 0]}
                          - {name: sum, allowedOccuranceRange: [0, 1]}
                  """)
            .Reference("s = 0\nfor i in range(3):\n    s += i\n")
            .Student("total = sum(range(3))\nprint(sum([1]))\n# for in a comment does not count\n");
        var loops = (await assignment.Run()).Collection("loops");
        Assert.That(loops.Test("for").ResultMessage, Is.EqualTo("`for` occurs 0 times in solution.py, allowed at least 1"));
        Assert.That(loops.Test("while").Result, Is.EqualTo(ReportResult.Passed), "max 0 means no upper limit");
        Assert.That(loops.Test("sum").ResultMessage, Is.EqualTo("`sum` occurs 2 times in solution.py, allowed between 0 and 1"));
    }

    [Test]
    public async Task Should_check_that_files_exist_and_are_not_empty()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - name: files
                        type: exist
                        tests:
                          - {name: solution.py}
                          - {name: "data/*.csv"}
                          - {name: empty.txt}
                          - {name: empty.txt, allowEmpty: true}
                          - {name: missing.txt}
                  """)
            .Reference("x = 1\n")
            .Student("x = 1\n")
            .Write("student/data/a.csv", "1,2\n")
            .Write("student/empty.txt", "");
        var files = (await assignment.Run()).Collection("files");
        Assert.That(files.Tests!.Select(t => t.Result), Is.EqualTo(new[]
        {
            ReportResult.Passed, ReportResult.Passed, ReportResult.Failed, ReportResult.Passed, ReportResult.Failed,
        }));
        Assert.That(files.Tests![4].ResultMessage, Is.EqualTo("File `missing.txt` not found"));
    }

    [Test]
    public async Task Should_check_errors_and_warnings_against_patterns()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - name: raises
                        type: error
                        tests: [{name: error, qualification: contains, pattern: ValueError}]
                      - name: warns
                        type: warning
                        tests: [{name: warning, qualification: contains, pattern: deprecated}]
                  """)
            .Reference("raise ValueError('bad')\n")
            .Student("import warnings\nwarnings.warn('this is deprecated')\nraise ValueError('bad input')\n");
        var report = await assignment.Run();
        Assert.That(report.Collection("raises").Result, Is.EqualTo(ReportResult.Passed), report.Collection("raises").Tests![0].ResultMessage);
        Assert.That(report.Collection("warns").Result, Is.EqualTo(ReportResult.Failed), "a script that raises fails its warning tests");
    }

    [Test]
    public async Task Should_check_help_texts()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - name: docs
                        type: help
                        tests:
                          - {name: area}
                          - {name: area, qualification: contains, pattern: radius}
                          - {name: perimeter}
                  """)
            .Reference("def area(r):\n    \"Area of a circle of radius r.\"\n\ndef perimeter(r):\n    \"Perimeter.\"\n")
            .Student("def area(r):\n    \"Area of a circle of radius r.\"\n    return 3.14159 * r * r\n\ndef perimeter(r):\n    return 2 * 3.14159 * r\n");
        var docs = (await assignment.Run()).Collection("docs");
        Assert.That(docs.Tests!.Select(t => t.Result), Is.EqualTo(new[] { ReportResult.Passed, ReportResult.Passed, ReportResult.Failed }));
        Assert.That(docs.Tests![2].ResultMessage, Is.EqualTo("`perimeter` has no help text (docstring)"));
    }

    [Test]
    public async Task Should_lint_the_submission_with_pyflakes()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: lint\n      type: linting\n      tests: [{name: solution.py}]\n")
            .Reference("x = 1\n")
            .Student("import os\nx = 1\n");
        var test = (await assignment.Run()).Collection("lint").Test("solution.py");
        Assert.That(test.Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(test.ResultMessage, Does.Contain("'os' imported but unused"));
    }

    [Test]
    public async Task Should_store_figures_and_test_their_properties()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    storeGraphicsArtifacts: true
                    tests:
                      - name: plot
                        type: graphics
                        tests:
                          - name: ax.get_title()
                          - name: len(ax.lines)
                  """)
            .Reference("import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])\nplt.title('Growth')\n")
            .Student("import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])\nplt.title('growth')\n");
        var plot = (await assignment.Run()).Collection("plot");
        Assert.That(plot.Test("ax.get_title()").ResultMessage, Is.EqualTo("Variable `ax.get_title()` differs from expected: expected 'Growth' actual 'growth'"));
        Assert.That(plot.Test("len(ax.lines)").Result, Is.EqualTo(ReportResult.Passed));
        var figure = Path.Combine(assignment.Root, "output", "c0_figure1.png");
        Assert.That(File.Exists(figure), "the student's figure is stored as an artifact");
        Assert.That(File.ReadAllBytes(figure).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }
}
