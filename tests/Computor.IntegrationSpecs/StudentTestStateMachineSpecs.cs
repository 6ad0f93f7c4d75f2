using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Persistence.Scheduling;
using Computor.Persistence.Sagas;
using Computor.System.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Computor.IntegrationSpecs;

/// <summary>
/// The state machine on MassTransit's in-memory test harness, with our saga repository on PostgreSQL (the
/// result row it mirrors lives there): the paths the HTTP API never produces.
/// </summary>
[TestFixture]
public sealed class When_the_student_test_saga_handles_messages
{
    string database = null!;
    IHost host = null!;
    IServiceProvider provider = null!;
    ITestHarness harness = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        database = await Servers.Current.NewDatabase();
        var options = new DbContextOptionsBuilder<ComputorDb>();
        ComputorDb.Configure(options, database);
        await using var db = new ComputorDb(options.Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// A harness per spec (its inactivity detection, once it fired, stays fired) in a host that also runs the
    /// dispatcher of the saga's timeouts, registered as the system service registers them.
    /// </summary>
    async Task StartHarness(TimeSpan? queueTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddDbContext<ComputorDb>(o => ComputorDb.Configure(o, database))
            .AddSingleton<WakeSignal<ScheduledMessageDispatcher>>()
            .Configure<PersistenceOptions>(o => o.SchedulerPollInterval = TimeSpan.FromMilliseconds(100))
            .Configure<StudentTestOptions>(o => o.QueueTimeout = queueTimeout ?? TimeSpan.FromMinutes(30))
            .AddMassTransitTestHarness(x =>
            {
                x.AddComputorSagaPersistence(builder.Services);
                x.AddSagaStateMachine<StudentTestStateMachine, StudentTestState>(typeof(StudentTestStateDefinition));
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            });
        host = builder.Build();
        await host.StartAsync();
        provider = host.Services;
        harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(30);
        await harness.Start();
    }

    [TearDown]
    public async Task Stop()
    {
        await harness.Stop();
        await host.StopAsync();
        host.Dispose();
    }

    async Task<SeededRun> Seed(string backend)
    {
        await using var scope = provider.CreateAsyncScope();
        return await SeededRun.Create(scope.ServiceProvider.GetRequiredService<ComputorDb>(), backend);
    }

    async Task<Result> ResultRow(Guid id)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComputorDb>().Results.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what) => Eventually.Until(read, done, what);

    [TestCase("itpcp.exec.mat", "matlab-tests")]
    [TestCase("itpcp.exec.oct", "matlab-tests")]
    [TestCase("itpcp.exec.py", "python-tests")]
    public async Task Should_send_the_run_to_the_runner_of_the_backend(string backend, string queue)
    {
        await StartHarness();
        var run = await Seed(backend);
        await harness.Bus.Publish(run.Submit);

        Assert.That(await harness.Sent.Any<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId), Is.True);
        var sent = harness.Sent.Select<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId).Single();
        Assert.That(sent.Context.DestinationAddress!.AbsolutePath, Does.EndWith(queue));
    }

    [Test]
    public async Task Should_send_the_run_again_when_its_submit_is_redelivered_before_a_runner_started()
    {
        await StartHarness();
        var run = await Seed("itpcp.exec.py");
        await harness.Bus.Publish(run.Submit);
        Assert.That(await harness.Sent.Any<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId), Is.True);

        await harness.Bus.Publish(run.Submit);
        await Until(() => Task.FromResult(harness.Sent.Select<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId).Count()),
            n => n == 2, "the run to be sent again");
        Assert.That((await ResultRow(run.ResultId)).Status, Is.EqualTo(ResultStatus.Queued));
        var sends = harness.Sent.Select<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId)
            .OrderBy(s => s.StartTime).Select(s => s.Context.Message.Resent).ToList();
        Assert.That(sends, Is.EqualTo(new[] { false, true }), "the second send tells runners to look for a stored report");
    }

    [Test]
    public async Task Should_record_a_runner_report_with_local_times_in_utc()
    {
        await StartHarness();
        var run = await Seed("itpcp.exec.py");
        await harness.Bus.Publish(run.Submit);
        Assert.That(await harness.Sent.Any<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId), Is.True);
        var graz = TimeSpan.FromHours(2);
        var started = new DateTimeOffset(2026, 11, 26, 20, 0, 0, graz);
        await harness.Bus.Publish(new StudentTestRunStarted { CorrelationId = run.CorrelationId, Runner = "r1", StartedAt = started });
        await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Started, "the run to start");
        await harness.Bus.Publish(new StudentTestRunCompleted
        {
            CorrelationId = run.CorrelationId, Grade = 1, ReportLocation = "r/testSummary.json", FinishedAt = started.AddSeconds(3),
            Summary = new TestSummaryCounts { Total = 2, Passed = 2, Failed = 0, Skipped = 0 },
        });

        var result = await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Finished, "the run to finish");
        Assert.Multiple(() =>
        {
            Assert.That(result.StartedAt, Is.EqualTo(started));
            Assert.That(result.FinishedAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(result.Grade, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Should_keep_the_start_time_when_the_completion_overtakes_the_start()
    {
        await StartHarness();
        var run = await Seed("itpcp.exec.py");
        await harness.Bus.Publish(run.Submit);
        Assert.That(await harness.Sent.Any<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId), Is.True);
        var started = new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
        await harness.Bus.Publish(new StudentTestRunCompleted
        {
            CorrelationId = run.CorrelationId, Grade = 1, ReportLocation = "r/testSummary.json", StartedAt = started, FinishedAt = started.AddSeconds(1),
            Summary = new TestSummaryCounts { Total = 1, Passed = 1, Failed = 0, Skipped = 0 },
        });

        var result = await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Finished, "the run to finish");
        Assert.That(result.StartedAt, Is.EqualTo(started));
    }

    [Test]
    public async Task Should_take_a_start_and_a_completion_arriving_together_one_after_the_other()
    {
        // A short run's start and completion reach the saga together when its queue has a backlog; handled at
        // once, one of them loses the optimistic-concurrency race and its transaction is rolled back and retried.
        await StartHarness();
        var runs = new List<SeededRun>();
        for (var i = 0; i < 20; i++)
            runs.Add(await Seed("itpcp.exec.py"));
        foreach (var run in runs)
            await harness.Bus.Publish(run.Submit);
        var ours = runs.Select(r => r.CorrelationId).ToHashSet();
        await Until(() => Task.FromResult(harness.Sent.Select<RunStudentTest>(s => ours.Contains(s.Context.Message.CorrelationId)).Count()),
            n => n == runs.Count, "every run to be sent to a runner");
        var conflicts = 0;
        void Count(object? sender, global::System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is DbUpdateConcurrencyException c && c.Entries.Any(x => x.Entity is StudentTestState s && ours.Contains(s.CorrelationId)))
                Interlocked.Increment(ref conflicts);
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            var now = DateTimeOffset.UtcNow;
            await Task.WhenAll(runs.SelectMany(run => new[]
            {
                harness.Bus.Publish(new StudentTestRunStarted { CorrelationId = run.CorrelationId, Runner = "r1", StartedAt = now }),
                harness.Bus.Publish(new StudentTestRunCompleted
                {
                    CorrelationId = run.CorrelationId, Grade = 1, ReportLocation = "r/testSummary.json", StartedAt = now, FinishedAt = now,
                    Summary = new TestSummaryCounts { Total = 1, Passed = 1, Failed = 0, Skipped = 0 },
                }),
            }));
            foreach (var run in runs)
                await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Finished, "the run to finish");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        Assert.That(conflicts, Is.Zero, "transactions rolled back because two messages of one run were handled at once");
    }

    [Test]
    public async Task Should_fail_a_run_whose_backend_no_runner_serves()
    {
        await StartHarness();
        var run = await Seed("itpcp.exec.cobol");
        await harness.Bus.Publish(run.Submit);

        var result = await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Failed, "the run to fail");
        Assert.That(result.StatusMessage, Does.Contain("itpcp.exec.cobol"));
        Assert.That(await harness.Sent.Any<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId), Is.False);
    }

    [Test]
    public async Task Should_stay_cancelled_when_the_cancel_overtakes_the_submit()
    {
        await StartHarness();
        var run = await Seed("itpcp.exec.py");
        await harness.Bus.Publish(new CancelStudentTest { CorrelationId = run.CorrelationId, Reason = "withdrawn" });
        await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Cancelled, "the run to be cancelled");

        await harness.Bus.Publish(run.Submit);
        var saga = harness.GetSagaStateMachineHarness<StudentTestStateMachine, StudentTestState>();
        Assert.That(await saga.Consumed.Any<SubmitStudentTest>(m => m.Context.Message.CorrelationId == run.CorrelationId), Is.True);
        Assert.Multiple(async () =>
        {
            Assert.That((await ResultRow(run.ResultId)).Status, Is.EqualTo(ResultStatus.Cancelled));
            Assert.That(await harness.Sent.Any<RunStudentTest>(s => s.Context.Message.CorrelationId == run.CorrelationId), Is.False);
        });
    }

    [Test]
    public async Task Should_fail_a_run_no_runner_starts_within_the_queue_timeout()
    {
        await StartHarness(queueTimeout: TimeSpan.FromSeconds(1));
        var run = await Seed("itpcp.exec.py");
        await harness.Bus.Publish(run.Submit);

        var result = await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Failed, "the queue timeout");
        Assert.That(result.StatusMessage, Is.EqualTo("No runner started the test within 1 s"));
        Assert.That(result.TimedOut, Is.True);
        Assert.That(await harness.Published.Any<StudentTestCancelled>(m => m.Context.Message.CorrelationId == run.CorrelationId), Is.True,
            "a runner that picks the run up later is told to drop it");
    }

    [Test]
    public async Task Should_save_one_pending_timeout_with_the_saga_and_none_once_the_run_ended()
    {
        await StartHarness();
        var run = await Seed("itpcp.exec.py");
        var saga = harness.GetSagaStateMachineHarness<StudentTestStateMachine, StudentTestState>();
        // The timeout rows of this run and whether each is the saga's current one.
        async Task<List<string>> Timeouts() => await Database.Texts(database, $"""
            SELECT m.message_type || ' ' || (m.token_id = s.timeout_token_id) FROM scheduled_messages m
            JOIN student_test_sagas s ON s.correlation_id = '{run.CorrelationId}'
            WHERE m.body LIKE '%{run.CorrelationId}%'
            """);
        const string Current = "Computor.Contracts.Testing.StudentTestTimedOut true";

        await harness.Bus.Publish(run.Submit);
        Assert.That(await Until(Timeouts, t => t.Count > 0, "the saga to save its queue timeout"), Is.EqualTo(new[] { Current }));

        await harness.Bus.Publish(new StudentTestRunStarted { CorrelationId = run.CorrelationId, Runner = "r1", StartedAt = DateTimeOffset.UtcNow });
        await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Started, "the run to start");
        Assert.That(await Timeouts(), Is.EqualTo(new[] { Current }), "the run timeout replaced the queue timeout");

        await harness.Bus.Publish(new StudentTestRunCompleted
        {
            CorrelationId = run.CorrelationId, Grade = 1, ReportLocation = "r/testSummary.json", FinishedAt = DateTimeOffset.UtcNow,
            Summary = new TestSummaryCounts { Total = 1, Passed = 1, Failed = 0, Skipped = 0 },
        });
        await Until(() => ResultRow(run.ResultId), r => r.Status == ResultStatus.Finished, "the run to finish");
        Assert.That(await Timeouts(), Is.Empty, "a finished run leaves no timeout behind");
        Assert.That(await saga.Consumed.Any<StudentTestRunCompleted>(m => m.Context.Message.CorrelationId == run.CorrelationId), Is.True);
    }
}
