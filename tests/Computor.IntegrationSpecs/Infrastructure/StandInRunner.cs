using System.Collections.Concurrent;
using Computor.Contracts.Testing;
using Computor.ServiceDefaults;
using MassTransit;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// Stands in for the Python runner on its real queue. What it does is chosen by the assignment directory, so
/// a spec picks the behaviour by the course content it tests; it waits for the spec to release a run.
/// </summary>
public sealed class StandInRunner(RunnerGate gate) : IConsumer<RunStudentTest>, IConsumer<StudentTestCancelled>
{
    /// <summary>A runner stops a cancelled run; the stand-in only counts the notices.</summary>
    public Task Consume(ConsumeContext<StudentTestCancelled> context)
    {
        gate.Cancelled(context.Message.CorrelationId);
        return Task.CompletedTask;
    }

    public const string Passes = "passes";
    public const string Fails = "fails";
    public const string Crashes = "crashes";
    public const string Hangs = "hangs";
    public const string Races = "races";

    public async Task Consume(ConsumeContext<RunStudentTest> context)
    {
        var run = context.Message;
        gate.Received(run);
        if (run.Assignment.Directory == Crashes)
            throw new InvalidOperationException("sandbox exploded");

        var started = new StudentTestRunStarted { CorrelationId = run.CorrelationId, Runner = "stand-in", StartedAt = DateTimeOffset.UtcNow };
        if (run.Assignment.Directory == Races)
        {
            // Start and completion arrive at the saga together, as after a runner's redelivery.
            await Task.WhenAll(context.Publish(started), context.Publish(Completed(run)));
            return;
        }
        await context.Publish(started);
        if (run.Assignment.Directory == Hangs)
            return;

        await gate.WaitForRelease(run.CorrelationId, context.CancellationToken);
        if (run.Assignment.Directory == Fails)
            await context.Publish(new StudentTestRunFailed
            {
                CorrelationId = run.CorrelationId, Reason = "test.yaml: unknown key 'testz'", FailedAt = DateTimeOffset.UtcNow,
            });
        else
            await context.Publish(Completed(run));
    }

    static StudentTestRunCompleted Completed(RunStudentTest run) => new()
    {
        CorrelationId = run.CorrelationId,
        Summary = new TestSummaryCounts { Total = 4, Passed = 3, Failed = 1, Skipped = 0 },
        Grade = 0.75,
        ReportLocation = $"results/{run.ResultId}/testSummary.json",
        FinishedAt = DateTimeOffset.UtcNow,
    };
}

/// <summary>The runner's endpoint exactly as the real runners declare it: the priority queue <c>python-tests</c>.</summary>
public sealed class StandInRunnerDefinition : ConsumerDefinition<StandInRunner>
{
    readonly int concurrency;

    public StandInRunnerDefinition(RunnerGate gate)
    {
        EndpointName = RunnerQueues.Python;
        concurrency = gate.Concurrency;
        ConcurrentMessageLimit = concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<StandInRunner> consumer,
        IRegistrationContext context)
    {
        RunnerQueues.ConfigureRunnerEndpoint(endpoint);
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.PrefetchCount = concurrency;
    }
}

/// <summary>Lets a spec see which runs arrived and decide when each one may finish.</summary>
public sealed class RunnerGate
{
    readonly ConcurrentDictionary<Guid, TaskCompletionSource> releases = new();
    readonly ConcurrentDictionary<Guid, RunStudentTest> received = new();
    readonly ConcurrentQueue<Guid> order = new();
    readonly ConcurrentDictionary<Guid, int> cancellations = new();

    /// <summary>Runs the stand-in takes at once (and its prefetch), set before the runner starts.</summary>
    public int Concurrency { get; set; } = 16;

    public IReadOnlyDictionary<Guid, RunStudentTest> Runs => received;

    /// <summary>Correlation ids in the order the runs were taken from the queue.</summary>
    public IReadOnlyCollection<Guid> Order => order;

    /// <summary>How often each run's cancellation notice arrived.</summary>
    public IReadOnlyDictionary<Guid, int> Cancellations => cancellations;

    public void Cancelled(Guid correlationId) => cancellations.AddOrUpdate(correlationId, 1, (_, n) => n + 1);

    public void Received(RunStudentTest run)
    {
        received[run.CorrelationId] = run;
        order.Enqueue(run.CorrelationId);
    }

    public void Release(Guid correlationId) => Release(correlationId, releases).TrySetResult();

    public Task WaitForRelease(Guid correlationId, CancellationToken cancellationToken) =>
        Release(correlationId, releases).Task.WaitAsync(cancellationToken);

    static TaskCompletionSource Release(Guid id, ConcurrentDictionary<Guid, TaskCompletionSource> all) =>
        all.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
