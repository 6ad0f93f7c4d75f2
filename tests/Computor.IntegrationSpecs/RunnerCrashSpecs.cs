using Computor.IntegrationSpecs.Infrastructure;

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
}
