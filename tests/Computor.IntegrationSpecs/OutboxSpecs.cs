using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>An accepted test request is never lost: not when the API dies after answering, not when RabbitMQ is away.</summary>
[TestFixture]
public sealed class When_the_api_answered_but_could_not_publish
{
    [Test]
    public async Task Should_deliver_the_command_after_the_api_process_was_killed()
    {
        await using var stack = await ComputorStack.Create();
        await stack.StartRunner();
        // The API process cannot reach any broker: its own relay can never publish what it accepts.
        var settings = stack.Settings(("ConnectionStrings:RabbitMq", Brokers.UnreachableBroker()),
            ("ASPNETCORE_URLS", stack.ApiAddress.ToString()));
        await using var api = await ServiceProcess.Start("Computor.Api", settings, new Uri(stack.ApiAddress, "/health/live"));

        var course = await SampleCourse.Create(stack.Admin());
        var student = stack.Client(course.StudentToken);
        var created = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()));
        await api.Kill();

        Assert.That(await Database.Count(stack.Database, "SELECT count(*) FROM outbox_messages"), Is.EqualTo(1),
            "the command waits in the outbox, committed with the result row");

        await stack.StartSystem();
        await stack.StartApi();
        await Eventually.Until(() => student.Status(created.Id()), s => s == "started", "the run to start");
        stack.Gate.Release(created.Id("test_system_id"));
        await Eventually.Until(() => student.Status(created.Id()), s => s == "finished", "the run to finish");
        await Eventually.Until(() => Database.Count(stack.Database, "SELECT count(*) FROM outbox_messages"), n => n == 0,
            "the outbox to drain");
    }

    [Test]
    public async Task Should_accept_while_rabbitmq_is_stopped_and_run_the_test_when_it_is_back()
    {
        await using var stack = await ComputorStack.Start();
        var course = await SampleCourse.Create(stack.Admin());
        var student = stack.Client(course.StudentToken);

        JsonObject created;
        await Servers.Current.StopBroker();
        try
        {
            created = await student.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()));
            Assert.That(await student.Status(created.Id()), Is.EqualTo("queued"));
            Assert.That(await Database.Count(stack.Database, "SELECT count(*) FROM outbox_messages"), Is.EqualTo(1));
        }
        finally
        {
            await Servers.Current.StartBroker();
        }

        await Eventually.Until(() => student.Status(created.Id()), s => s == "started", "the run to start once RabbitMQ is back",
            TimeSpan.FromSeconds(90));
        stack.Gate.Release(created.Id("test_system_id"));
        await Eventually.Until(() => student.Status(created.Id()), s => s == "finished", "the run to finish");
    }
}
