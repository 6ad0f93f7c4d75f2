using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// The API and the system service in process, a real runner service as its own process, and a helper that
/// tests a student's code in a fresh course the way the student client does.
/// </summary>
sealed class RunnerFlow : IAsyncDisposable
{
    readonly string cache;
    readonly ServiceProcess runner;

    RunnerFlow(ComputorStack stack, ServiceProcess runner, string cache) => (Stack, this.runner, this.cache) = (stack, runner, cache);

    public ComputorStack Stack { get; }

    public static async Task<RunnerFlow> Start(Func<ComputorStack, string, Task<ServiceProcess>> runner)
    {
        var cache = Directory.CreateTempSubdirectory("computor-reference-cache-").FullName;
        var stack = await ComputorStack.Create();
        await stack.StartApi();
        await stack.StartSystem();
        return new RunnerFlow(stack, await runner(stack, cache), cache);
    }

    /// <summary>Releases the assignment, pushes the code as the student's file, asks for a test and waits for the final result.</summary>
    public async Task<(JsonObject Result, HttpClient Student)> Test(IReadOnlyDictionary<string, string> assignment, string file, string code,
        string backend = "itpcp.exec.py")
    {
        using var course = await RunnerCourse.Create(Stack.Admin(), assignment, backend: backend);
        var commit = await course.Push(new Dictionary<string, string> { [file] = code });
        var student = Stack.Client(course.StudentToken);
        var queued = await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201);
        return (await RunnerCourse.Final(student, queued.Id()), student);
    }

    public async ValueTask DisposeAsync()
    {
        await runner.DisposeAsync();
        await Stack.DisposeAsync();
        Directory.Delete(cache, recursive: true);
    }
}
