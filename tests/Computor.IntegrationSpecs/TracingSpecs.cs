using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// One trace per flow: the API, the system service and the Python runner as their own processes export
/// OTLP to a real receiver, and the trace of a test request holds every step.
/// </summary>
public class When_a_test_flow_is_traced
{
    TraceReceiver receiver = null!;
    ComputorStack stack = null!;
    readonly List<ServiceProcess> services = [];
    string cache = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        receiver = await TraceReceiver.Start();
        cache = Directory.CreateTempSubdirectory("computor-reference-cache-").FullName;
        stack = await ComputorStack.Create(("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Otlp.ToString()), ("OTEL_BSP_SCHEDULE_DELAY", "200"),
            ("OTEL_BLRP_SCHEDULE_DELAY", "200"), ("Logging:LogLevel:Default", "Information"));
        services.Add(await ServiceProcess.Start("Computor.Api", stack.Settings(("ASPNETCORE_URLS", stack.ApiAddress.ToString())),
            new Uri(stack.ApiAddress, "/health/ready")));
        var system = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        services.Add(await ServiceProcess.Start("Computor.System", stack.Settings(("ASPNETCORE_URLS", system.ToString())), new Uri(system, "/health/ready")));
        services.Add(await RunnerProcess.Python(stack, cache));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var service in services)
            await service.DisposeAsync();
        await stack.DisposeAsync();
        await receiver.DisposeAsync();
        Directory.Delete(cache, recursive: true);
    }

    [Test]
    public async Task Should_hold_the_request_the_saga_and_the_runners_work_in_one_trace()
    {
        using var course = await RunnerCourse.Create(stack.Admin(), When_a_student_tests_python_code.Assignment);
        var commit = await course.Push(new Dictionary<string, string> { ["sums.py"] = When_a_student_tests_python_code.Correct });
        var student = stack.Client(course.StudentToken);
        var queued = await student.Post("/tests", course.TestRequest(commit), expectedStatus: 201);
        var result = await RunnerCourse.Final(student, queued.Id());
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"));

        IReadOnlyList<TraceReceiver.Span> trace = [];
        await Eventually.Until(async () =>
        {
            var spans = await receiver.Spans();
            var request = spans.FirstOrDefault(s => s.Service == "Computor.Api" && s.Name == "POST /tests");
            trace = request is null ? [] : spans.Where(s => s.TraceId == request.TraceId).ToList();
            return trace;
        }, t => t.Any(s => s.Service == "Computor.System" && Mentions(s, "StudentTestRunCompleted")), "the whole flow in one trace");

        var services = trace.Select(s => s.Service).Distinct().Order().ToList();
        Assert.That(services, Is.EqualTo(new[] { "Computor.Api", "Computor.PythonRunner", "Computor.System" }), Describe(trace));
        var transitions = trace.Where(s => s.Service == "Computor.System" && s.Attributes.ContainsKey("messaging.masstransit.end_state"))
            .Select(s => $"{s.Attributes.GetValueOrDefault("messaging.masstransit.begin_state")} -> {s.Attributes["messaging.masstransit.end_state"]}");
        Assert.That(transitions, Is.SupersetOf(new[] { "Initial -> Queued", "Queued -> Started", "Started -> Finished" }), Describe(trace));
        Assert.That(trace.Where(s => s.Service == "Computor.PythonRunner"), Has.Some.Matches<TraceReceiver.Span>(s => Mentions(s, "RunStudentTest")),
            "the runner's work");

        var correlationId = queued["test_system_id"]!.GetValue<string>();
        var logs = await Eventually.Until(() => receiver.Logs(),
            records => records.Any(r => r.Service == "Computor.PythonRunner" && r.Message.Contains("finished", StringComparison.Ordinal)), "the runner's log");
        var finished = logs.Single(r => r.Service == "Computor.PythonRunner" && r.Message.Contains("finished", StringComparison.Ordinal));
        Assert.That(finished.TraceId, Is.EqualTo(trace[0].TraceId), "the log record belongs to the flow's trace");
        Assert.That(finished.Attributes.GetValueOrDefault("CorrelationId"), Is.EqualTo(correlationId), "and names the run");
    }

    static bool Mentions(TraceReceiver.Span span, string message) =>
        span.Name.Contains(message, StringComparison.Ordinal) || span.Attributes.Values.Any(v => v.Contains(message, StringComparison.Ordinal));

    static string Describe(IEnumerable<TraceReceiver.Span> trace) =>
        string.Join("\n", trace.Select(s => $"{s.Service} | {s.Scope} | {s.Name} | {string.Join(", ", s.Attributes.Select(a => $"{a.Key}={a.Value}"))}"));
}
