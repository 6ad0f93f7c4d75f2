using Computor.Contracts.Testing;
using Computor.Persistence.Entities;
using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Computor.System.Testing;

/// <summary>
/// Drives one student test: queued -> started -> finished / failed / cancelled. Every transition is mirrored
/// onto the result row in the same save as the saga, so the row never disagrees with the saga.
/// </summary>
public sealed class StudentTestStateMachine : MassTransitStateMachine<StudentTestState>
{
    public State Queued { get; private set; } = null!;
    public State Started { get; private set; } = null!;
    public State Finished { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<SubmitStudentTest> Submitted { get; private set; } = null!;
    public Event<StudentTestRunStarted> RunStarted { get; private set; } = null!;
    public Event<StudentTestRunCompleted> RunCompleted { get; private set; } = null!;
    public Event<StudentTestRunFailed> RunFailed { get; private set; } = null!;
    public Event<Fault<RunStudentTest>> RunFaulted { get; private set; } = null!;
    public Event<CancelStudentTest> CancelRequested { get; private set; } = null!;
    public Schedule<StudentTestState, StudentTestTimedOut> Timeout { get; private set; } = null!;

    readonly TimeProvider clock;

    public StudentTestStateMachine(IOptions<StudentTestOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        var settings = options.Value;
        InstanceState(s => s.CurrentState);

        Event(() => Submitted, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => CancelRequested, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => RunStarted, e => { e.CorrelateById(c => c.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => RunCompleted, e => { e.CorrelateById(c => c.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => RunFailed, e => { e.CorrelateById(c => c.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => RunFaulted, e => { e.CorrelateById(c => c.Message.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Schedule(() => Timeout, s => s.TimeoutTokenId, s =>
        {
            s.Received = e => { e.CorrelateById(c => c.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); };
        });

        // Late and duplicate events (a redelivered start, a result after a timeout) change nothing.
        OnUnhandledEvent(c => c.Ignore());

        Initially(
            When(Submitted)
                .Then(c =>
                {
                    c.Saga.ResultId = c.Message.ResultId;
                    c.Saga.RunnerQueue = RunnerQueues.ForBackend(c.Message.Assignment.ExecutionBackend);
                    c.Saga.TimeoutSeconds = Math.Clamp(c.Message.Limits.TimeoutSeconds, 1, settings.MaxRunSeconds);
                    c.Saga.CreatedAt = clock.GetUtcNow();
                })
                .IfElse(c => c.Saga.RunnerQueue is null,
                    unknown => unknown
                        .ThenAsync(c => End(c, ResultStatus.Failed,
                            $"No runner serves the execution backend '{c.Message.Assignment.ExecutionBackend}'"))
                        .TransitionTo(Failed),
                    known => known
                        .Then(c => c.Saga.DeadlineAt = clock.GetUtcNow() + settings.QueueTimeout)
                        .ThenAsync(c => SendToRunner(c, resent: false))
                        .Schedule(Timeout, TimedOut, UntilDeadline)
                        .ThenAsync(c => Mirror(c, r => r.Status = ResultStatus.Queued))
                        .TransitionTo(Queued)),
            When(CancelRequested)
                .Then(c => c.Saga.CreatedAt = clock.GetUtcNow())
                .ThenAsync(c => End(c, ResultStatus.Cancelled, c.Message.Reason ?? "Cancelled before it was queued"))
                .TransitionTo(Cancelled));

        // What the saga sends leaves after its state was saved; if that fails, the message that caused it comes
        // again. A submit seen again while queued sends the run again, marked as resent (a runner then announces
        // the report it may already have stored), and a start seen again while started schedules the timeout
        // again, for the same deadline.
        During(Queued,
            When(Submitted)
                .ThenAsync(c => SendToRunner(c, resent: true))
                .Schedule(Timeout, TimedOut, UntilDeadline),
            When(RunStarted)
                .Then(c => c.Saga.DeadlineAt = clock.GetUtcNow() + TimeSpan.FromSeconds(c.Saga.TimeoutSeconds) + settings.RunGrace)
                .Schedule(Timeout, TimedOut, UntilDeadline)
                .ThenAsync(c => Mirror(c, r =>
                {
                    r.Status = ResultStatus.Started;
                    r.StartedAt = c.Message.StartedAt.ToUniversalTime();
                }))
                .TransitionTo(Started),
            When(Timeout.Received)
                .ThenAsync(c => End(c, ResultStatus.Failed, $"No runner started the test within {Describe(settings.QueueTimeout)}", r => r.TimedOut = true))
                .PublishAsync(c => c.Init<StudentTestCancelled>(new { c.Saga.CorrelationId, Reason = c.Saga.Reason! }))
                .TransitionTo(Failed));

        During(Started,
            When(RunStarted)
                .Schedule(Timeout, TimedOut, UntilDeadline),
            When(Timeout.Received)
                .ThenAsync(c => End(c, ResultStatus.Failed, $"The test run did not finish within {c.Saga.TimeoutSeconds} s", r => r.TimedOut = true))
                .PublishAsync(c => c.Init<StudentTestCancelled>(new { c.Saga.CorrelationId, Reason = c.Saga.Reason! }))
                .TransitionTo(Failed));

        During(Queued, Started,
            When(RunCompleted)
                .Unschedule(Timeout)
                .ThenAsync(c => End(c, ResultStatus.Finished, null, r =>
                {
                    r.Grade = c.Message.Grade;
                    r.Total = c.Message.Summary.Total;
                    r.Passed = c.Message.Summary.Passed;
                    r.Failed = c.Message.Summary.Failed;
                    r.Skipped = c.Message.Summary.Skipped;
                    r.ReportLocation = c.Message.ReportLocation;
                    r.ArtifactCount = c.Message.ArtifactCount;
                    r.FinishedAt = c.Message.FinishedAt.ToUniversalTime();
                    r.StartedAt ??= c.Message.StartedAt?.ToUniversalTime();
                }))
                .TransitionTo(Finished),
            When(RunFailed)
                .Unschedule(Timeout)
                .ThenAsync(c => End(c, ResultStatus.Failed, c.Message.Reason, r =>
                {
                    r.TimedOut = c.Message.TimedOut;
                    r.StartedAt ??= c.Message.StartedAt?.ToUniversalTime();
                }))
                .TransitionTo(Failed),
            When(RunFaulted)
                .Unschedule(Timeout)
                .ThenAsync(c => End(c, ResultStatus.Failed, RunnerFault.Describe(c.Message.Exceptions)))
                .TransitionTo(Failed),
            When(CancelRequested)
                .Unschedule(Timeout)
                .ThenAsync(c => End(c, ResultStatus.Cancelled, c.Message.Reason ?? "Cancelled"))
                .PublishAsync(c => c.Init<StudentTestCancelled>(new { c.Saga.CorrelationId, Reason = c.Saga.Reason! }))
                .TransitionTo(Cancelled));
    }

    static StudentTestTimedOut TimedOut(BehaviorContext<StudentTestState> context) => new() { CorrelationId = context.Saga.CorrelationId };

    TimeSpan UntilDeadline(BehaviorContext<StudentTestState> context)
    {
        var left = context.Saga.DeadlineAt!.Value - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    static async Task SendToRunner(BehaviorContext<StudentTestState, SubmitStudentTest> context, bool resent)
    {
        var submitted = context.Message;
        var endpoint = await context.GetSendEndpoint(RunnerQueues.SendAddress(context.Saga.RunnerQueue!));
        await endpoint.Send(new RunStudentTest
        {
            CorrelationId = submitted.CorrelationId,
            ResultId = submitted.ResultId,
            Assignment = submitted.Assignment,
            Student = submitted.Student,
            Limits = submitted.Limits with { TimeoutSeconds = context.Saga.TimeoutSeconds },
            Priority = submitted.Priority,
            Resent = resent,
        }, send => RunnerQueues.SetPriority(send, submitted.Priority), context.CancellationToken);
    }

    Task End(BehaviorContext<StudentTestState> context, ResultStatus status, string? reason, Action<Result>? change = null)
    {
        context.Saga.Reason = reason;
        return Mirror(context, r =>
        {
            r.Status = status;
            r.StatusMessage = reason;
            r.FinishedAt ??= clock.GetUtcNow();
            change?.Invoke(r);
        });
    }

    Task Mirror(BehaviorContext<StudentTestState> context, Action<Result> change)
    {
        context.Saga.UpdatedAt = clock.GetUtcNow();
        return ResultMirror.Apply(context, change);
    }

    static string Describe(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0} s" : $"{span.TotalMinutes:0} min";
}
