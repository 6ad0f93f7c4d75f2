using Computor.Contracts.Testing;
using Computor.Runner.Reports;

namespace Computor.RunnerSpecs.Octave;

/// <summary>MATLAB-language suites on GNU Octave: values, output, errors, figures and structure, judged as for Python.</summary>
public class When_a_matlab_language_suite_runs_on_octave
{
    const string Suite = """
        type: octave
        name: Sums
        properties:
          storeGraphicsArtifacts: true
          tests:
            - name: values
              inputAnswers: [Ada]
              tests:
                - {name: total}
                - {name: numbers}
                - {name: grid}
                - {name: greeting}
                - {name: parts}
                - {name: info}
                - {name: mean_value, relativeTolerance: 0.01}
            - name: output
              type: stdout
              inputAnswers: [Ada]
              tests: [{name: stdout, qualification: contains, pattern: "Hello Ada"}]
            - name: plot
              type: graphics
              inputAnswers: [Ada]
              tests: [{name: "get(get(gca, 'title'), 'string')"}]
            - name: loops
              type: structural
              tests: [{name: for, allowedOccuranceRange: [1, 0]}]
            - name: nothing leaks
              inputAnswers: [Ada]
              setUpCode: "y = 1;"
              tests: [{name: y}]
            - name: fresh session
              inputAnswers: [Ada]
              tests: [{name: "exist('y')", value: 0}]
        """;

    const string Reference = """
        numbers = [1 2 3];
        total = 0;
        for n = numbers
          total = total + n;
        end
        grid = magic(3);
        name = input('', 's');
        greeting = ['Hello ', name];
        parts = {1, 'two'};
        info.name = name;
        info.size = 3;
        mean_value = 2;
        printf('%s\n', greeting);
        plot(numbers); title('Sums');
        """;

    static Assignment Material(string student) => new Assignment().Test(Suite).Reference(Reference, "sums.m").Student(student, "sums.m");

    [Test]
    public async Task Should_pass_a_correct_submission_and_store_its_figure()
    {
        using var assignment = Material(Reference.Replace("mean_value = 2;", "mean_value = 2.01;"));

        var report = await assignment.RunWith(OctaveEngine.Suites);

        Assert.That(report.Tests!.Select(c => c.Result), Is.All.EqualTo(ReportResult.Passed),
            string.Join("; ", report.Tests!.SelectMany(c => c.Tests ?? []).Where(t => t.Result != ReportResult.Passed).Select(t => $"{t.Name}: {t.ResultMessage}")));
        Assert.That(report.Grade, Is.EqualTo(1.0));
        var figure = Path.Combine(assignment.Root, "output", "c2_figure1.png");
        Assert.That(File.ReadAllBytes(figure).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "the plot is stored as PNG");
    }

    [Test]
    public async Task Should_fail_a_wrong_submission_with_reasons()
    {
        using var assignment = Material("""
            numbers = [1; 2; 3];
            total = sum(numbers) + 1;
            grid = magic(4);
            name = input('', 's');
            greeting = ['Hi ', name];
            parts = {1, 'three'};
            info.name = name;
            mean_value = 3;
            plot(numbers); title('Wrong');
            """);

        var report = await assignment.RunWith(OctaveEngine.Suites);
        var values = report.Collection("values");

        Assert.That(values.Test("total").ResultMessage, Does.Contain("expected 6 actual 7"));
        Assert.That(values.Test("grid").Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(values.Test("greeting").ResultMessage, Does.Contain("wrong length: expected 9 actual 6"));
        Assert.That(values.Test("parts").Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(values.Test("info").Result, Is.EqualTo(ReportResult.Failed));
        Assert.That(values.Test("mean_value").Result, Is.EqualTo(ReportResult.Failed), "outside the relative tolerance");
        Assert.That(report.Collection("output").Result, Is.EqualTo(ReportResult.Failed), "nothing printed");
        Assert.That(report.Collection("plot").Test("get(get(gca, 'title'), 'string')").ResultMessage, Does.Contain("wrong length: expected 4 actual 5"));
        Assert.That(report.Collection("loops").Test("for").ResultMessage, Does.Contain("`for` occurs 0 times"));
        Assert.That(report.Grade, Is.LessThan(0.5));
    }

    [Test]
    public async Task Should_judge_errors_warnings_and_files()
    {
        using var assignment = new Assignment()
            .Test("""
                  type: octave
                  properties:
                    tests:
                      - name: raises
                        type: error
                        setUpCode: "error('bad input: %d', 3);"
                        tests: [{name: error, qualification: contains, pattern: "bad input"}]
                      - name: warns
                        type: warning
                        tests: [{name: warning, qualification: contains, pattern: deprecated}]
                      - name: files
                        type: exist
                        tests: [{name: sums.m}, {name: missing.m}]
                  """)
            .Reference("warning('deprecated');\n", "sums.m")
            .Student("warning('this is deprecated');\n", "sums.m");

        var report = await assignment.RunWith(OctaveEngine.Suites);

        Assert.That(report.Collection("raises").Result, Is.EqualTo(ReportResult.Passed), report.Collection("raises").Tests![0].ResultMessage);
        Assert.That(report.Collection("warns").Result, Is.EqualTo(ReportResult.Passed), report.Collection("warns").Tests![0].ResultMessage);
        Assert.That(report.Collection("files").Test("sums.m").Result, Is.EqualTo(ReportResult.Passed));
        Assert.That(report.Collection("files").Test("missing.m").ResultMessage, Is.EqualTo("File `missing.m` not found"));
    }

    [Test]
    public async Task Should_name_a_differing_element_as_matlab_counts()
    {
        using var assignment = Material(Reference.Replace("grid = magic(3);", "grid = magic(3);\ngrid(2, 3) = 0;"));

        var report = await assignment.RunWith(OctaveEngine.Suites);

        Assert.That(report.Collection("values").Test("grid").ResultMessage, Does.EndWith("(first difference at [2][3])"));
    }

    [Test]
    public async Task Should_report_an_error_of_the_code_with_octaves_message()
    {
        using var assignment = Material("total = undefined_thing + 1;\n");

        var report = await assignment.RunWith(OctaveEngine.Suites);

        Assert.That(report.Collection("values").Test("total").ResultMessage, Does.Contain("'undefined_thing' undefined"));
    }
}

/// <summary>Student code is hostile: each attack ends in a failed result with a reason, and the next submission still passes.</summary>
[NonParallelizable]
public class When_a_matlab_language_submission_is_hostile
{
    static readonly TestLimits Limits = new() { TimeoutSeconds = 30, MemoryLimitMb = 512, MaxProcesses = 32 };

    static string Suite(int timeoutSeconds) => $$"""
        type: octave
        properties:
          tests:
            - name: answer
              timeout: {{timeoutSeconds}}
              tests: [{name: x}]
        """;

    // Only the attacks on time get a short timeout.
    const int Ample = Assignment.AmpleTimeoutSeconds;

    static IEnumerable<TestCaseData> Attacks()
    {
        yield return new TestCaseData("while true\nend\n", "Timeout: execution took longer than 3 s", 3).SetName("octave infinite loop");
        yield return new TestCaseData("pause(120);\n", "Timeout: execution took longer than 3 s", 3).SetName("octave pause past the timeout");
        yield return new TestCaseData("a = zeros(1e5, 1e5);\n", "out of memory", Ample).SetName("octave memory hog");
        // 100 MB, more than the runner keeps.
        yield return new TestCaseData("fputs(stdout, repmat('x', 1, 1e8));\n", "more output than the runner keeps", Ample).SetName("octave 100 MB of output");
        yield return new TestCaseData("[status, out] = system('curl -sS --max-time 2 http://1.1.1.1/ 2>&1');\nif status ~= 0\n  error('no network: %s', out);\nend\n",
            "Couldn't connect to server", Ample).SetName("octave network through system()");
        yield return new TestCaseData(
            "mounts = fileread('/proc/self/mountinfo');\nline = regexp(mounts, '\\S+ /submission ', 'match', 'once');\nhost = strtok(line);\n" +
            "disp(fileread(fullfile(fileparts(host), 'reference', 'sums.m')));\n", "cannot open file", Ample).SetName("octave reading the reference solution");
        yield return new TestCaseData("exit(0);\n", "ended without a result", Ample).SetName("octave exit");
    }

    [TestCaseSource(nameof(Attacks))]
    public async Task Should_fail_with_a_reason_and_keep_the_runner_working(string attack, string reason, int timeoutSeconds)
    {
        using (var hostile = new Assignment().Test(Suite(timeoutSeconds)).Reference("x = 42;\n", "sums.m").Student(attack + "x = 42;\n", "sums.m"))
        {
            var report = await hostile.RunWith(OctaveEngine.Suites, Limits);
            var test = report.Collection("answer").Test("x");
            Assert.That(test.Result, Is.EqualTo(ReportResult.Failed), test.ResultMessage);
            Assert.That(test.ResultMessage, Does.Contain(reason));
        }
        using var next = new Assignment().Test(Suite(Ample)).Reference("x = 42;\n", "sums.m").Student("x = 42;\n", "sums.m");
        Assert.That((await next.RunWith(OctaveEngine.Suites, Limits)).Result, Is.EqualTo(ReportResult.Passed), "the next submission is tested normally");
    }
}
