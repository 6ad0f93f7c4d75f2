using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.ServiceDefaults;

namespace Computor.IntegrationSpecs;

public class When_the_python_runner_dies_in_the_middle_of_a_run
{
    static readonly Dictionary<string, string> Assignment = new()
    {
        ["test.yaml"] = "type: python\nproperties:\n  tests:\n    - name: total\n      tests: [{name: total}]\n",
        ["solution.py"] = "total = 6\n",
    };

    [Test]
    public async Task Should_redeliver_the_run_and_record_exactly_one_final_result()
    {
        var cache = Directory.CreateTempSubdirectory("computor-reference-cache-").FullName;
        await using var stack = await ComputorStack.Create();
        await stack.StartApi();
        await stack.StartSystem();
        using var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        // Long enough to kill the runner while it runs, short enough for the second runner to finish soon.
        var commit = await course.Push(new Dictionary<string, string> { ["solution.py"] = "import time\ntime.sleep(3)\ntotal = 6\n" });
        var student = stack.Client(course.StudentToken);

        var first = await RunnerProcess.Python(stack, cache);
        var queued = await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201);
        await Eventually.Until(() => student.Status(queued.Id()), s => s == "started", "the first runner to start the run");
        await first.Kill();

        await using var second = await RunnerProcess.Python(stack, cache);
        var result = await RunnerCourse.Final(student, queued.Id());
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"), result.ToJsonString());
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0));
        Assert.That(await Database.Count(stack.Database, "SELECT count(*) FROM results"), Is.EqualTo(1));
        Assert.That(await Database.Count(stack.Database, "SELECT count(*) FROM student_test_sagas WHERE current_state = 'Finished'"), Is.EqualTo(1));
        Directory.Delete(cache, recursive: true);
    }

    [Test]
    public async Task Should_announce_the_stored_report_when_a_tested_run_comes_back_from_a_dead_runner()
    {
        var cache = Directory.CreateTempSubdirectory("computor-reference-cache-").FullName;
        await using var stack = await ComputorStack.Create();
        await stack.StartApi();
        await stack.StartSystem();
        using var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        var commit = await course.Push(new Dictionary<string, string> { ["solution.py"] = "total = 6\n" });
        var student = stack.Client(course.StudentToken);
        var first = await RunnerProcess.Python(stack, cache);
        var queued = await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201);
        var tested = await RunnerCourse.Final(student, queued.Id());
        Assert.That(tested["result"]!.GetValue<double>(), Is.EqualTo(1.0));
        var correlationId = tested.Id("test_system_id");

        // As when a runner dies after storing a report and before acknowledging its run: the broker hands the run,
        // marked redelivered, to the next runner. Here the first runner holds the run when it is killed; had the
        // second runner tested it again, it would take 20 s and score 0.
        var slow = await course.Push(new Dictionary<string, string> { ["solution.py"] = "import time\ntime.sleep(20)\ntotal = 5\n" });
        var held = stack.SystemConsumed<StudentTestRunStarted>(m => m.CorrelationId == correlationId);
        var runners = await stack.SystemBus.GetSendEndpoint(RunnerQueues.SendAddress(RunnerQueues.Python));
        await runners.Send(course.Run(correlationId, queued.Id(), slow));
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        await first.Kill();

        var announced = stack.SystemConsumed<StudentTestRunCompleted>(m => m.CorrelationId == correlationId);
        await using var second = await RunnerProcess.Python(stack, cache);
        var completed = await announced.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(completed.Grade, Is.EqualTo(1.0), "the stored report's grade, not a second run's");
        var after = await student.Get($"/results/{queued.Id()}");
        Assert.That(after["result_json"]!.ToJsonString(), Is.EqualTo(tested["result_json"]!.ToJsonString()), "the stored report is kept");
        Directory.Delete(cache, recursive: true);
    }
}
