using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

public class When_output_and_text_are_checked
{
    [Test]
    public async Task Should_feed_input_answers_to_stdin_and_compare_stdout_with_the_reference()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: python
                  properties:
                    tests:
                      - name: greeting
                        type: stdout
                        inputAnswers: [Ada, "3"]
                        tests:
                          - name: stdout
                      - name: wrong
                        type: stdout
                        inputAnswers: [Bob, "3"]
                        tests:
                          - name: stdout
                            qualification: contains
                            pattern: Hello Ada
                  """)
            .Reference("name = input()\nn = int(input())\nprint('Hello', name, n * 2)\n")
            .Student("name = input()\nn = int(input())\nprint('Hello', name, n + n)\n");
        var report = await assignment.Run();
        Assert.That(report.Collection("greeting").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(report.Collection("wrong").Test("stdout").ResultMessage, Is.EqualTo("Variable `stdout` does not contain 'Hello Ada'"));
    }

    [Test]
    public async Task Should_carry_any_text_through_input_code_and_report()
    {
        const string text = "Grüße 😀 \"quoted\" back\\slash\ttab é";
        using var assignment = new Assignment()
            .Test($"type: python\nproperties:\n  tests:\n    - name: echo\n      inputAnswers: ['{text}']\n      setUpCode: \"shout = line + ' ✓'\"\n      tests: [{{name: line}}, {{name: shout}}, {{name: control}}]\n")
            .Reference("line = input()\ncontrol = '\\x01\\x1f\\ud800'\n")
            .Student("line = input()\ncontrol = '\\x01\\x1f\\ud800'\n");
        var echo = (await assignment.Run()).Collection("echo");
        Assert.That(echo.Tests!.Select(t => t.Result), Is.All.EqualTo(ReportResult.Passed), string.Join("; ", echo.Tests!.Select(t => t.ResultMessage)));
    }

    [Test]
    public async Task Should_cap_the_output_kept_from_student_code()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: out\n      type: stdout\n      tests: [{name: stdout, qualification: startsWith, pattern: xxx}]\n")
            .Reference("print('x' * 10)\n")
            .Student("print('x' * 500_000)\n");
        var collection = (await assignment.Run()).Collection("out");
        var kept = collection.Debug!["stdout"]!.GetValue<string>();
        Assert.That(kept, Has.Length.LessThan(70_000));
        Assert.That(kept, Does.EndWith("[output truncated]"));
        Assert.That(collection.Result, Is.EqualTo(ReportResult.Passed));
    }

    [Test]
    public async Task Should_report_a_different_output_length()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: out\n      type: stdout\n      tests: [{name: stdout}]\n")
            .Reference("print('abcdef')\n")
            .Student("print('x' * 232)\n");
        var test = (await assignment.Run()).Collection("out").Test("stdout");
        Assert.That(test.ResultMessage, Is.EqualTo("Variable `stdout` has wrong length: expected 7 actual 233"));
    }

    [TestCase("matches", "hello world", true)]
    [TestCase("matches", "hello", false)]
    [TestCase("contains", "lo wo", true)]
    [TestCase("startsWith", "hello", true)]
    [TestCase("startsWith", "world", false)]
    [TestCase("endsWith", "world", true)]
    [TestCase("regexp", "^h.*d$", true)]
    [TestCase("regexp", "^w", false)]
    public async Task Should_apply_string_qualifications_to_the_value_text(string qualification, string pattern, bool passes)
    {
        using var assignment = new Assignment()
            .Test($"type: python\nproperties:\n  tests:\n    - name: text\n      tests:\n        - name: s\n          qualification: {qualification}\n          pattern: \"{pattern}\"\n")
            .Reference("s = 'hello world'\n")
            .Student("s = 'hello world'\n");
        var test = (await assignment.Run()).Collection("text").Test("s");
        Assert.That(test.Result, Is.EqualTo(passes ? ReportResult.Passed : ReportResult.Failed), test.ResultMessage);
    }

    [Test]
    public async Task Should_count_occurrences_against_the_count_requirement()
    {
        using var assignment = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: text\n      tests:\n        - {name: s, qualification: count, pattern: o, countRequirement: 2}\n        - {name: t, qualification: count, pattern: o, countRequirement: 3}\n")
            .Reference("s = t = 'hello world'\n")
            .Student("s = t = 'hello world'\n");
        var text = (await assignment.Run()).Collection("text");
        Assert.That(text.Test("s").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(text.Test("t").ResultMessage, Is.EqualTo("Variable `t` contains 'o' 2 times, expected 3"));
    }
}
