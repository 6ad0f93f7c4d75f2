using Computor.Persistence;
using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;

namespace Computor.Api.Release;

/// <summary>
/// Starts a release flow: its saga instance (so <c>GET /tasks/{id}</c> knows it at once) and the request to the
/// release saga, in one transaction through the outbox. The caller saves.
/// </summary>
sealed class ReleaseRequests(ComputorDb db, Persistence.Outbox.Outbox outbox, TimeProvider clock)
{
    /// <summary>What a release request answers: the id to follow (the Prefect era's flow-run id).</summary>
    public sealed record Started(Guid Id, string Flow, string Status, string StatusUrl);

    public Started Start<T>(string flow, Guid courseId, int? total, Func<Guid, T> request) where T : class
    {
        var id = NewId.NextGuid();
        var now = clock.GetUtcNow();
        db.Releases.Add(new ReleaseState
        {
            CorrelationId = id, CurrentState = "Initial", Flow = flow, CourseId = courseId, Total = total, CreatedAt = now, UpdatedAt = now,
        });
        outbox.Send(SystemQueues.Address(SystemQueues.Releases), request(id));
        return new Started(id, flow, "queued", $"/tasks/{id}");
    }
}
