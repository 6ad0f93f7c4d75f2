using System.Text.Json.Nodes;
using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.ServiceDefaults;
using Computor.Storage;

namespace Computor.IntegrationSpecs;

/// <summary>Student tests end to end: API, RabbitMQ, PostgreSQL, the saga, the real Python runner process, git and S3.</summary>
public class When_a_student_tests_python_code
{
    public static readonly Dictionary<string, string> Assignment = new()
    {
        ["meta.yaml"] = "slug: sums\ntitle: Sums\nproperties:\n  studentSubmissionFiles: [sums.py]\n",
        ["test.yaml"] = """
                        type: python
                        name: Sums
                        properties:
                          storeGraphicsArtifacts: true
                          tests:
                            - name: total
                              inputAnswers: [Ada]
                              tests: [{name: total}, {name: numbers}]
                            - name: greeting
                              type: stdout
                              inputAnswers: [Ada]
                              tests: [{name: stdout, qualification: contains, pattern: Hello Ada}]
                            - name: plot
                              type: graphics
                              inputAnswers: [Ada]
                              tests: [{name: ax.get_title()}]
                        """,
        ["sums.py"] = "import matplotlib.pyplot as plt\nnumbers = [1, 2, 3]\ntotal = sum(numbers)\nprint('Hello', input())\nplt.plot(numbers)\nplt.title('Sums')\n",
    };

    public const string Correct = "import matplotlib.pyplot as plt\nnumbers = [1, 2, 3]\ntotal = 0\nfor n in numbers:\n    total += n\nname = input()\nprint(f'Hello {name}!')\nplt.plot(numbers)\nplt.title('Sums')\n";

    RunnerFlow flow = null!;
    ComputorStack stack = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        flow = await RunnerFlow.Start(RunnerProcess.Python);
        stack = flow.Stack;
    }

    [OneTimeTearDown]
    public async Task Stop() => await flow.DisposeAsync();

    Task<(JsonObject Result, HttpClient Student)> Test(string code, IReadOnlyDictionary<string, string>? assignment = null) =>
        flow.Test(assignment ?? Assignment, "sums.py", code);

    [Test]
    public async Task Should_score_a_correct_submission_one_and_serve_its_report()
    {
        var (result, student) = await Test(Correct);
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"), result.ToJsonString());
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0));
        var report = result["result_json"]!;
        Assert.That(report["summary"]!["passed"]!.GetValue<int>(), Is.EqualTo(3), "result_json is the stored testSummary.json");
        Assert.That(report["tests"]!.AsArray().Select(c => c!["result"]!.GetValue<string>()), Is.All.EqualTo("PASSED"));

        var artifacts = await student.GetAsync($"/results/{result.Id()}/artifacts");
        var listed = JsonNode.Parse(await artifacts.Content.ReadAsStringAsync())!.AsArray();
        Assert.That(listed.Select(a => a!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "c2_figure1.png" }));
        var png = await student.GetByteArrayAsync(listed[0]!["url"]!.GetValue<string>());
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }

    [Test]
    public async Task Should_record_how_many_files_each_run_left()
    {
        // A result read lists its files from storage only when its run left some.
        var (plotted, _) = await Test(Correct);
        var (broken, student) = await Test("numbers = [1, 2, 3\n");
        Assert.That(await Database.Texts(stack.Database, $"SELECT artifact_count FROM results WHERE id = '{plotted.Id()}'"), Is.EqualTo(new[] { "1" }));
        Assert.That(await Database.Texts(stack.Database, $"SELECT artifact_count FROM results WHERE id = '{broken.Id()}'"), Is.EqualTo(new[] { "0" }));
        Assert.That(broken["result_artifacts"]!.AsArray(), Is.Empty);
        Assert.That(await student.GetStringAsync($"/results/{broken.Id()}/artifacts"), Is.EqualTo("[]"));
    }

    [Test]
    public async Task Should_announce_the_start_only_of_a_run_still_going_after_a_second()
    {
        // A short run's completion carries its start time; the saga then handles one message for it, not two.
        var announced = new global::System.Collections.Concurrent.ConcurrentDictionary<Guid, bool>();
        // Notes every start the system service handles; it never waits for one.
        var watch = stack.SystemBus.ConnectConsumeObserver(new ConsumedObserver<StudentTestRunStarted>(m =>
        {
            announced.TryAdd(m.CorrelationId, true);
            return false;
        }));
        try
        {
            var total = new Dictionary<string, string>
            {
                ["test.yaml"] = "type: python\nproperties:\n  tests:\n    - name: total\n      tests: [{name: total}]\n",
                ["sums.py"] = "total = 6\n",
            };
            var (quick, _) = await Test("total = 6\n", total);
            Assert.That(quick["result"]!.GetValue<double>(), Is.EqualTo(1.0), quick.ToJsonString());
            // The completion leaves after the start is settled, and the saga handles a run's messages in order: had the start
            // been announced, it would have been seen by now. A run that took a second or more (its report stored, too) on a
            // busy machine may have been announced either way; the long run below covers announcing.
            var ran = quick["finished_at"]!.GetValue<DateTimeOffset>() - quick["started_at"]!.GetValue<DateTimeOffset>();
            if (ran < TimeSpan.FromSeconds(1))
                Assert.That(announced.ContainsKey(quick.Id("test_system_id")), Is.False, $"the start of a run of {ran.TotalMilliseconds:0} ms");

            using var course = await RunnerCourse.Create(stack.Admin(), total);
            var commit = await course.Push(new Dictionary<string, string> { ["sums.py"] = "import time\ntime.sleep(3)\ntotal = 6\n" });
            var student = stack.Client(course.StudentToken);
            var slow = await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201);
            await Eventually.Until(() => student.Status(slow.Id()), s => s == "started", "the long run to show as started");
            Assert.That((await RunnerCourse.Final(student, slow.Id()))["result"]!.GetValue<double>(), Is.EqualTo(1.0));
        }
        finally
        {
            watch.Disconnect();
        }
    }

    [Test]
    public async Task Should_report_the_failing_tests_of_a_wrong_submission_with_reasons()
    {
        var (result, _) = await Test(Correct.Replace("total += n", "total += 2 * n"));
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(2.0 / 3).Within(1e-9));
        var total = result["result_json"]!["tests"]![0]!;
        Assert.That(total["result"]!.GetValue<string>(), Is.EqualTo("FAILED"));
        Assert.That(total["tests"]![0]!["resultMessage"]!.GetValue<string>(), Is.EqualTo("Variable `total` differs from expected: expected 6 actual 12"));
    }

    [Test]
    public async Task Should_fail_a_syntax_error_cleanly_with_the_message()
    {
        var (result, _) = await Test("numbers = [1, 2, 3\n");
        Assert.That(result["result"]!.GetValue<double>(), Is.Zero);
        var message = result["result_json"]!["tests"]![0]!["tests"]![0]!["resultMessage"]!.GetValue<string>();
        Assert.That(message, Does.StartWith("Execution failed: SyntaxError:"));
    }

    [Test]
    public async Task Should_fail_the_run_with_the_reason_when_the_material_is_broken()
    {
        var broken = new Dictionary<string, string>(Assignment) { ["test.yaml"] = "type: python\nproperties:\n  tests:\n    - name: a\n      tsets: []\n" };
        var (result, _) = await Test(Correct, broken);
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(result["result_json"]!["error"]!.GetValue<string>(), Does.StartWith("test.yaml: properties.tests[0].tsets: unknown key"));
        Assert.That(result["started_at"]?.GetValue<DateTimeOffset>(), Is.Not.Null, "when the run took its slot, though it failed before announcing it");
    }

    [Test]
    public async Task Should_give_the_same_report_on_the_command_line()
    {
        var (result, _) = await Test(Correct.Replace("total += n", "total -= n"));
        using var folder = new LocalAssignment(Assignment, Correct.Replace("total += n", "total -= n"));
        var local = await folder.Run();
        Assert.That(Outcomes(local), Is.EqualTo(Outcomes(result["result_json"]!)));
    }

    [Test]
    public async Task Should_stop_the_sandbox_of_a_cancelled_run()
    {
        const string marker = "31.4159";
        using var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        var commit = await course.Push(new Dictionary<string, string> { ["sums.py"] = $"import subprocess\nsubprocess.run(['sleep', '{marker}'])\n" + Correct });
        var student = stack.Client(course.StudentToken);
        var queued = await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201);
        await Eventually.Until(() => Task.FromResult(HostProcesses.WithArgument(marker)), n => n > 0, "the student's code to run");

        await student.Post($"/results/{queued.Id()}/cancel", new { reason = "wrong commit" }, expectedStatus: 202);
        await Eventually.Until(() => Task.FromResult(HostProcesses.WithArgument(marker)), n => n == 0, "the runner to stop the sandbox");
        Assert.That((await RunnerCourse.Final(student, queued.Id()))["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Should_test_no_more_runs_at_once_than_its_concurrency()
    {
        // The runner takes twice its WORKER_CONCURRENCY (2) from the queue, so a run waits for a slot in the runner.
        const string marker = "2.71828";
        using var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        var student = stack.Client(course.StudentToken);
        var queued = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var commit = await course.Push(new Dictionary<string, string>
            {
                ["sums.py"] = $"# attempt {i}\nimport subprocess\nsubprocess.run(['sleep', '{marker}'])\n" + Correct,
            });
            queued.Add((await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201)).Id());
        }

        // Watched, not waited for: how many sandboxes run at once until every run is final.
        var most = 0;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            most = Math.Max(most, HostProcesses.WithArgument(marker));
            var statuses = await Task.WhenAll(queued.Select(id => student.Status(id)));
            if (statuses.All(s => s is "finished" or "failed" or "cancelled"))
                break;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"runs not final after 2 minutes: {string.Join(", ", statuses)}");
            await Task.Delay(50);
        }
        Assert.That(most, Is.EqualTo(2), "sandboxes seen at once");
        foreach (var id in queued)
            Assert.That((await student.Get($"/results/{id}"))["result"]!.GetValue<double>(), Is.EqualTo(1.0));
    }

    [Test]
    public async Task Should_announce_the_stored_report_again_when_a_finished_run_arrives_again()
    {
        using var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        var commit = await course.Push(new Dictionary<string, string> { ["sums.py"] = Correct });
        var student = stack.Client(course.StudentToken);
        var first = await RunnerCourse.Final(student, (await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201)).Id());

        var announced = await SentAgain(course, first, commit);

        Assert.That(announced.Grade, Is.EqualTo(1.0));
        var after = await student.Get($"/results/{first.Id()}");
        Assert.That(after["result_json"]!.ToJsonString(), Is.EqualTo(first["result_json"]!.ToJsonString()),
            "the stored report was announced, not replaced by a second run");
    }

    [Test]
    public async Task Should_test_a_run_again_whose_stored_report_is_unreadable()
    {
        using var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        var commit = await course.Push(new Dictionary<string, string> { ["sums.py"] = Correct });
        var student = stack.Client(course.StudentToken);
        var first = await RunnerCourse.Final(student, (await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201)).Id());
        var reportKey = ReportStore.ReportKey(first.Id("test_system_id"));
        // What s3rver holds while, or after, an upload of the report is cut off: an empty object.
        await stack.ApiService<IObjectStore>().Put(reportKey, [], "application/json", CancellationToken.None);

        // Arriving again with a commit that scores 0: only a second run can announce that grade.
        var broken = await course.Push(new Dictionary<string, string> { ["sums.py"] = "numbers = [1, 2, 3\n" });
        var announced = await SentAgain(course, first, broken);

        Assert.That(announced.Grade, Is.EqualTo(0.0), "the run was tested again");
        var stored = await stack.ApiService<ReportStore>().Report(reportKey, CancellationToken.None);
        Assert.That(JsonNode.Parse(stored!)!["summary"]!["total"]!.GetValue<int>(), Is.EqualTo(3), "a whole report replaced the empty one");
    }

    /// <summary>A finished run sent to the runners again, as the saga re-sends a run, and what they announce of it.</summary>
    async Task<StudentTestRunCompleted> SentAgain(RunnerCourse course, JsonObject finished, string commit)
    {
        var correlationId = finished.Id("test_system_id");
        var again = stack.SystemConsumed<StudentTestRunCompleted>(m => m.CorrelationId == correlationId);
        var runners = await stack.SystemBus.GetSendEndpoint(RunnerQueues.SendAddress(RunnerQueues.Python));
        await runners.Send(course.Run(correlationId, finished.Id(), commit, resent: true));
        return await again.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>What a student reads from a report: every result and message, without timestamps and durations.</summary>
    static IEnumerable<string> Outcomes(JsonNode report) =>
        report["tests"]!.AsArray().SelectMany(c => c!["tests"]!.AsArray().Select(t =>
            $"{c["name"]}/{t!["name"]}: {t["result"]} {t["resultMessage"]}"))
            .Prepend($"{report["result"]} {report["summary"]!.ToJsonString()}");
}
