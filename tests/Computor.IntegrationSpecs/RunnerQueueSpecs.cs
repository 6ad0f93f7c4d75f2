using Computor.IntegrationSpecs.Infrastructure;
using Computor.ServiceDefaults;

namespace Computor.IntegrationSpecs;

/// <summary>Runner queues exist before any runner, and official submissions leave them first.</summary>
[TestFixture]
public sealed class When_tests_wait_for_a_runner
{
    [Test]
    public async Task Should_keep_them_until_a_runner_starts_and_hand_out_official_submissions_first()
    {
        await using var stack = await ComputorStack.Create();
        await stack.StartApi();
        await stack.StartSystem();
        var course = await SampleCourse.Create(stack.Admin());
        var student = stack.Client(course.StudentToken);

        var ordinary = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ordinary.Add((await student.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()))).Id("test_system_id"));
        var official = (await student.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version(), submit: true)))
            .Id("test_system_id");
        await Eventually.Until(() => Brokers.QueueLength(stack.Broker, RunnerQueues.Python), n => n == 4,
            "four runs waiting in python-tests");

        stack.Gate.Concurrency = 1;
        await stack.StartRunner();
        await Eventually.Until(() => Task.FromResult(stack.Gate.Order.Count), n => n >= 1, "the runner to take a run");
        Assert.That(stack.Gate.Order.First(), Is.EqualTo(official), "the official submission is tested first");

        foreach (var id in ordinary.Append(official))
            stack.Gate.Release(id);
        await Eventually.Until(() => Task.FromResult(stack.Gate.Order.Count), n => n == 4, "all runs to be taken");
        Assert.That(stack.Gate.Order.Skip(1), Is.EquivalentTo(ordinary));
    }
}
