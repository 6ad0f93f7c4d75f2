using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.ServiceDefaults;

namespace Computor.IntegrationSpecs;

/// <summary>Redelivered commands and events change nothing; a cancel reaches a test still waiting for a runner.</summary>
[TestFixture]
public sealed class When_messages_arrive_again_or_late
{
    [Test]
    public async Task Should_run_a_started_test_once_when_its_submit_command_arrives_again()
    {
        await using var stack = await ComputorStack.Start();
        var course = await SampleCourse.Create(stack.Admin());
        var student = stack.Client(course.StudentToken);
        var created = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()));
        var correlationId = created.Id("test_system_id");
        await Eventually.Until(() => student.Status(created.Id()), s => s == "started", "the run to start");
        var run = stack.Gate.Runs[correlationId];

        var second = stack.SystemConsumed<SubmitStudentTest>(m => m.CorrelationId == correlationId);
        var endpoint = await stack.SystemBus.GetSendEndpoint(SystemQueues.Address(SystemQueues.StudentTests));
        await endpoint.Send(new SubmitStudentTest
        {
            CorrelationId = correlationId, ResultId = run.ResultId, Assignment = run.Assignment, Student = run.Student,
            Limits = run.Limits, Priority = run.Priority, SubmittedAt = DateTimeOffset.UtcNow,
        });
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        stack.Gate.Release(correlationId);
        await Eventually.Until(() => student.Status(created.Id()), s => s == "finished", "the run to finish");
        Assert.That(stack.Gate.Order.Count(id => id == correlationId), Is.EqualTo(1), "the runner got the run once");
    }

    [Test]
    public async Task Should_schedule_a_lost_timeout_again_when_the_start_is_redelivered()
    {
        await using var stack = await ComputorStack.Start(("StudentTest:RunGrace", "00:00:00"));
        var course = await SampleCourse.Create(stack.Admin());
        var student = stack.Client(course.StudentToken);
        var created = await student.Post("/tests", course.TestRequest(StandInRunner.Hangs, SampleCourse.Version()));
        var correlationId = created.Id("test_system_id");
        await Eventually.Until(() => student.Status(created.Id()), s => s == "started", "the run to start");

        // The run timeout is saved with the saga's state (ADR 20).
        await Eventually.Until(() => Database.Count(stack.Database, $"""
            SELECT count(*) FROM scheduled_messages m JOIN student_test_sagas s ON s.timeout_token_id = m.token_id
            WHERE s.correlation_id = '{correlationId}'
            """), n => n == 1, "the run timeout to be scheduled");

        // As if the timeout had been lost (an operator cleaning the table, a restore from an older backup).
        var lost = await Database.Count(stack.Database, $"""
            WITH lost AS (DELETE FROM scheduled_messages m USING student_test_sagas s
                          WHERE s.timeout_token_id = m.token_id AND s.correlation_id = '{correlationId}' RETURNING 1)
            SELECT count(*) FROM lost
            """);
        Assert.That(lost, Is.EqualTo(1));

        await stack.SystemBus.Publish(new StudentTestRunStarted
        {
            CorrelationId = correlationId, Runner = "stand-in", StartedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.Until(() => student.Status(created.Id()), s => s == "failed", "the run to time out after all");
        var result = await student.Get($"/results/{created.Id()}");
        Assert.That(result["status_message"]!.GetValue<string>(), Does.Contain("did not finish within 3 s"));
    }

    [Test]
    public async Task Should_cancel_a_test_that_waits_for_a_runner_and_ignore_the_runners_late_start()
    {
        await using var stack = await ComputorStack.Create();
        await stack.StartApi();
        await stack.StartSystem();
        var course = await SampleCourse.Create(stack.Admin());
        var student = stack.Client(course.StudentToken);
        var created = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()));
        var correlationId = created.Id("test_system_id");
        await Eventually.Until(async () => (await student.Get($"/tasks/{correlationId}"))["state"]!.GetValue<string>(),
            state => state == "Queued", "the saga to queue the run");

        await student.Post($"/results/{created.Id()}/cancel", new { reason = "deadline moved" }, expectedStatus: 202);
        await Eventually.Until(() => student.Status(created.Id()), s => s == "cancelled", "the run to be cancelled");

        var lateStart = stack.SystemConsumed<StudentTestRunStarted>(m => m.CorrelationId == correlationId);
        await stack.StartRunner();
        await lateStart.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(await student.Status(created.Id()), Is.EqualTo("cancelled"));
        stack.Gate.Release(correlationId);
    }
}
