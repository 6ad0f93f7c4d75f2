using System.Text.Json;
using Computor.Contracts.Release;
using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;

namespace Computor.System.Release;

/// <summary>
/// Drives a release: a course deploy, a course-contents release or a student release. The request's work
/// goes to the release workers (one command per student, so students are worked on independently); their
/// reports add up to the progress <c>GET /tasks</c> shows, until every item has an outcome.
/// </summary>
/// <remarks>
/// The API stores the instance (in the initial state) with the request, so the task is visible from the
/// start. An item reported twice (a redelivered report) counts once.
/// </remarks>
public sealed class ReleaseStateMachine : MassTransitStateMachine<ReleaseState>
{
    static readonly Uri Workers = SystemQueues.Address(SystemQueues.ReleaseWork);

    public State Running { get; private set; } = null!;
    public State Finished { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<DeployCourse> DeployRequested { get; private set; } = null!;
    public Event<ReleaseCourseContents> ContentsRequested { get; private set; } = null!;
    public Event<ReleaseStudents> StudentsRequested { get; private set; } = null!;
    public Event<ReleaseItemsFinished> ItemsFinished { get; private set; } = null!;
    public Event<Fault<CreateCourseRepositories>> DeployFaulted { get; private set; } = null!;
    public Event<Fault<PublishCourseContents>> ContentsFaulted { get; private set; } = null!;
    public Event<Fault<CreateStudentRepository>> StudentFaulted { get; private set; } = null!;

    public ReleaseStateMachine(TimeProvider clock)
    {
        InstanceState(s => s.CurrentState);
        Event(() => DeployRequested, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => ContentsRequested, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => StudentsRequested, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => ItemsFinished, e => { e.CorrelateById(c => c.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => DeployFaulted, e => { e.CorrelateById(c => c.Message.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => ContentsFaulted, e => { e.CorrelateById(c => c.Message.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => StudentFaulted, e => { e.CorrelateById(c => c.Message.Message.CorrelationId); e.OnMissingInstance(m => m.Discard()); });
        OnUnhandledEvent(c => c.Ignore());

        Initially(
            When(DeployRequested)
                .Then(c => Start(c.Saga, ReleaseFlows.DeployCourse, c.Message.CourseId, total: 1, clock))
                .Send(Workers, c => new CreateCourseRepositories
                {
                    CorrelationId = c.Saga.CorrelationId, CourseId = c.Message.CourseId, ReleaseContents = c.Message.ReleaseContents,
                })
                .TransitionTo(Running),
            When(ContentsRequested)
                .Then(c => Start(c.Saga, ReleaseFlows.CourseContents, c.Message.CourseId, total: null, clock))
                .Send(Workers, c => new PublishCourseContents
                {
                    CorrelationId = c.Saga.CorrelationId, CourseId = c.Message.CourseId, Directories = c.Message.Directories,
                    Ascendants = c.Message.Ascendants, Descendants = c.Message.Descendants,
                })
                .TransitionTo(Running),
            When(StudentsRequested)
                .Then(c => Start(c.Saga, ReleaseFlows.Students, c.Message.CourseId, c.Message.CourseMemberIds.Count, clock))
                .ThenAsync(async c =>
                {
                    var endpoint = await c.GetSendEndpoint(Workers);
                    foreach (var member in c.Message.CourseMemberIds)
                        await endpoint.Send(new CreateStudentRepository { CorrelationId = c.Saga.CorrelationId, CourseMemberId = member });
                })
                .IfElse(c => c.Saga.Total == 0,
                    none => none.TransitionTo(Finished),
                    some => some.TransitionTo(Running)));

        During(Running,
            Complete(When(ItemsFinished).Then(c => Record(c.Saga, c.Message.Items, c.Message.Total, clock))),
            Complete(When(DeployFaulted).Then(c => Record(c.Saga, [Crashed("course", c.Message)], null, clock))),
            Complete(When(ContentsFaulted).Then(c => Record(c.Saga, [Crashed("release", c.Message)], 1, clock))),
            Complete(When(StudentFaulted).Then(c =>
                Record(c.Saga, [Crashed($"member {c.Message.Message.CourseMemberId}", c.Message)], null, clock))));
    }

    /// <summary>Once every item has an outcome: Finished, or Failed with the first failure as the reason.</summary>
    EventActivityBinder<ReleaseState, T> Complete<T>(EventActivityBinder<ReleaseState, T> binder) where T : class =>
        binder.If(c => c.Saga.Total is { } total && c.Saga.Succeeded + c.Saga.Failed >= total, done => done
            .IfElse(c => c.Saga.Failed == 0,
                ok => ok.TransitionTo(Finished),
                failed => failed.Then(c => Conclude(c.Saga)).TransitionTo(Failed)));

    static void Start(ReleaseState saga, string flow, Guid courseId, int? total, TimeProvider clock)
    {
        saga.Flow = flow;
        saga.CourseId = courseId;
        saga.Total = total;
        if (saga.CreatedAt == default)
            saga.CreatedAt = clock.GetUtcNow();
        saga.UpdatedAt = clock.GetUtcNow();
    }

    static void Record(ReleaseState saga, IReadOnlyList<ReleaseItem> items, int? total, TimeProvider clock)
    {
        var recorded = JsonSerializer.Deserialize<List<ReleaseItem>>(saga.Items) ?? [];
        foreach (var item in items.Where(i => recorded.All(r => r.Item != i.Item)))
        {
            recorded.Add(item);
            if (item.IsFailure)
                saga.Failed++;
            else
                saga.Succeeded++;
        }
        saga.Items = JsonSerializer.Serialize(recorded);
        saga.Total = total ?? saga.Total;
        saga.UpdatedAt = clock.GetUtcNow();
    }

    static void Conclude(ReleaseState saga)
    {
        var first = (JsonSerializer.Deserialize<List<ReleaseItem>>(saga.Items) ?? []).First(i => i.IsFailure);
        saga.Reason = saga.Total == 1 ? first.Reason : $"{saga.Failed} of {saga.Total} failed; first: {first.Item}: {first.Reason}";
    }

    /// <summary>A worker gave up after its retries on something unexpected; the item fails with what it was.</summary>
    static ReleaseItem Crashed<T>(string item, Fault<T> fault) =>
        new(item, ReleaseItem.Failed, fault.Exceptions.FirstOrDefault() is { } e ? $"unexpected error: {e.Message}" : "unexpected error");
}
