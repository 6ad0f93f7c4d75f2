using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>The student-test flow through the HTTP API, real RabbitMQ and real PostgreSQL.</summary>
[TestFixture]
public sealed class When_a_student_requests_a_test
{
    ComputorStack stack = null!;
    SampleCourse course = null!;
    HttpClient student = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        stack = await ComputorStack.Start(("StudentTest:RunGrace", "00:00:00"));
        course = await SampleCourse.Create(stack.Admin());
        student = stack.Client(course.StudentToken);
    }

    [OneTimeTearDown]
    public async Task Stop() => await stack.DisposeAsync();

    async Task<(Guid ResultId, Guid CorrelationId)> RequestTest(string assignment, string? version = null, bool submit = false)
    {
        var result = await student.Post("/tests", course.TestRequest(assignment, version ?? SampleCourse.Version(), submit));
        return (result.Id(), result.Id("test_system_id"));
    }

    Task<string> WaitForStatus(Guid resultId, string status, TimeSpan? timeout = null) =>
        Eventually.Until(() => student.Status(resultId), s => s == status, $"status {status}", timeout);

    [Test]
    public async Task Should_go_from_queued_to_started_to_finished_with_the_grade()
    {
        var version = SampleCourse.Version();
        var created = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, version));
        Assert.Multiple(() =>
        {
            Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(created["result_json"], Is.Null, "a queued run must not look final to the client");
        });
        var (resultId, correlationId) = (created.Id(), created.Id("test_system_id"));

        await WaitForStatus(resultId, "started");
        var run = stack.Gate.Runs[correlationId];
        Assert.Multiple(() =>
        {
            Assert.That(run.Student.Commit, Is.EqualTo(version));
            Assert.That(run.Student.RepositoryUrl, Does.EndWith(".git"));
            Assert.That(run.Assignment.Reference.Commit, Is.EqualTo(SampleCourse.ReleasedCommit));
            Assert.That(run.Assignment.Directory, Is.EqualTo(StandInRunner.Passes));
            Assert.That(run.Priority, Is.EqualTo(4));
        });

        stack.Gate.Release(correlationId);
        await WaitForStatus(resultId, "finished");
        var result = await student.Get($"/results/{resultId}");
        Assert.Multiple(() =>
        {
            Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(0.75));
            Assert.That(result["result_json"]!["result_value"]!.GetValue<double>(), Is.EqualTo(0.75));
            Assert.That(result["result_json"]!["summary"]!["passed"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(result["started_at"], Is.Not.Null);
            Assert.That(result["finished_at"], Is.Not.Null);
        });
        var task = await student.Get($"/tasks/{correlationId}");
        Assert.That(task["state"]!.GetValue<string>(), Is.EqualTo("Finished"));
        var legacy = await student.Get($"/tests/status/{resultId}");
        Assert.That(legacy["status"]!.GetValue<string>(), Is.EqualTo("finished"));
    }

    [Test]
    public async Task Should_send_an_official_submission_with_a_higher_priority()
    {
        var (resultId, correlationId) = await RequestTest(StandInRunner.Passes, submit: true);
        await WaitForStatus(resultId, "started");
        Assert.That(stack.Gate.Runs[correlationId].Priority, Is.GreaterThan(4));
        stack.Gate.Release(correlationId);
        await WaitForStatus(resultId, "finished");
    }

    [Test]
    public async Task Should_return_the_existing_run_for_a_duplicate_request()
    {
        var version = SampleCourse.Version();
        var first = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, version));
        var second = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, version), expectedStatus: 200);
        Assert.That(second.Id(), Is.EqualTo(first.Id()));

        stack.Gate.Release(first.Id("test_system_id"));
        await WaitForStatus(first.Id(), "finished");
        var afterFinish = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, version), expectedStatus: 200);
        Assert.That(afterFinish.Id(), Is.EqualTo(first.Id()), "a finished run is returned, not repeated");
    }

    [Test]
    public async Task Should_fail_with_the_runners_reason_and_allow_a_new_run_of_that_version()
    {
        var version = SampleCourse.Version();
        var (resultId, correlationId) = await RequestTest(StandInRunner.Fails, version);
        stack.Gate.Release(correlationId);
        await WaitForStatus(resultId, "failed");
        var failed = await student.Get($"/results/{resultId}");
        Assert.Multiple(() =>
        {
            Assert.That(failed["status_message"]!.GetValue<string>(), Does.Contain("unknown key 'testz'"));
            Assert.That(failed["result_json"]!["error"]!.GetValue<string>(), Does.Contain("unknown key 'testz'"));
            Assert.That(failed["result"], Is.Null);
        });

        var again = await student.Post("/tests", course.TestRequest(StandInRunner.Fails, version));
        Assert.That(again.Id(), Is.Not.EqualTo(resultId), "a failed run may be repeated");
        stack.Gate.Release(again.Id("test_system_id"));
        await WaitForStatus(again.Id(), "failed");
    }

    [Test]
    public async Task Should_fail_when_the_runner_faults()
    {
        var (resultId, _) = await RequestTest(StandInRunner.Crashes);
        await WaitForStatus(resultId, "failed");
        var result = await student.Get($"/results/{resultId}");
        Assert.That(result["status_message"]!.GetValue<string>(), Does.Contain("sandbox exploded"));
    }

    [Test]
    public async Task Should_time_out_with_the_reason_even_when_the_system_service_restarts()
    {
        var (resultId, correlationId) = await RequestTest(StandInRunner.Hangs);
        await WaitForStatus(resultId, "started");

        await stack.StopSystem();
        Assert.That(await PendingTimeouts(correlationId), Is.EqualTo(1), "the timeout waits in PostgreSQL while no system service runs");
        await stack.StartSystem();

        await WaitForStatus(resultId, "failed");
        var result = await student.Get($"/results/{resultId}");
        Assert.That(result["status_message"]!.GetValue<string>(), Does.Contain("did not finish within 3 s"));
        Assert.That(result["result_json"]!["timeout"]!.GetValue<bool>(), Is.True, "clients see the original error shape with the timeout flag");
        var task = await student.Get($"/tasks/{correlationId}");
        Assert.That(task["state"]!.GetValue<string>(), Is.EqualTo("Failed"));
    }

    [Test]
    public async Task Should_cancel_a_running_test_and_ignore_its_late_result()
    {
        var (resultId, correlationId) = await RequestTest(StandInRunner.Passes);
        await WaitForStatus(resultId, "started");

        using var cancel = await student.PostAsJsonAsync($"/results/{resultId}/cancel", new { reason = "wrong file pushed" });
        await ApiClient.Expect(cancel, 202);
        await WaitForStatus(resultId, "cancelled");

        var late = stack.SystemConsumed<StudentTestRunCompleted>(m => m.CorrelationId == correlationId);
        stack.Gate.Release(correlationId);
        await late.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(await student.Status(resultId), Is.EqualTo("cancelled"));
        var result = await student.Get($"/results/{resultId}");
        Assert.That(result["result"], Is.Null, "a cancelled run has no grade");

        using var again = await student.PostAsJsonAsync($"/results/{resultId}/cancel", new { });
        await ApiClient.Expect(again, 409);
    }

    [Test]
    public async Task Should_lose_no_update_when_start_and_completion_arrive_together()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RequestTest(StandInRunner.Races)));
        foreach (var (resultId, _) in runs)
            await WaitForStatus(resultId, "finished");
        foreach (var (resultId, _) in runs)
        {
            var result = await student.Get($"/results/{resultId}");
            Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(0.75));
        }
    }

    [Test]
    public async Task Should_show_a_result_only_to_its_student_and_the_course_staff()
    {
        var (resultId, correlationId) = await RequestTest(StandInRunner.Fails);
        var other = stack.Client(course.OtherStudentToken);
        using (var response = await other.GetAsync($"/results/{resultId}"))
            await ApiClient.Expect(response, 404);
        using (var response = await other.GetAsync($"/tasks/{correlationId}"))
            await ApiClient.Expect(response, 404);
        using (var response = await other.PostAsJsonAsync("/tests", new
               {
                   course_member_id = course.StudentMemberId, course_content_id = course.Assignments[StandInRunner.Passes],
                   version_identifier = SampleCourse.Version(),
               }))
            await ApiClient.Expect(response, 403);

        var tutor = stack.Client(course.TutorToken);
        Assert.That((await tutor.Get($"/results/{resultId}")).Id(), Is.EqualTo(resultId));
        stack.Gate.Release(correlationId);
    }

    Task<long> PendingTimeouts(Guid correlationId) => Database.Count(stack.Database, $"""
        SELECT count(*) FROM scheduled_messages m
        JOIN student_test_sagas s ON s.timeout_token_id = m.token_id
        WHERE s.correlation_id = '{correlationId}'
        """);
}
