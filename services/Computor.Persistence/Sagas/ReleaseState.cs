using MassTransit;

namespace Computor.Persistence.Sagas;

/// <summary>
/// Instance of the release saga: one course deploy, course-contents release or student release, with its
/// progress (<see cref="Total"/> items, how many succeeded and failed) and each item's outcome.
/// </summary>
public sealed class ReleaseState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public required string CurrentState { get; set; }
    public int Version { get; set; }

    /// <summary><c>deploy_course</c>, <c>release_course_contents</c> or <c>release_students</c>.</summary>
    public required string Flow { get; set; }
    public Guid CourseId { get; set; }

    /// <summary>Items the flow works on; null until known (a course-contents release learns it from the material).</summary>
    public int? Total { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }

    /// <summary>Outcome per item, as JSON (<see cref="Contracts.Release.ReleaseItem"/>s), in the order they finished.</summary>
    public string Items { get; set; } = "[]";

    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
