using MassTransit;

namespace Computor.Persistence.Sagas;

/// <summary>
/// Instance of the student-test saga. It lives with the model (not beside its state machine) because the
/// migrations need it and the state machine's project depends on this one.
/// </summary>
public sealed class StudentTestState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public required string CurrentState { get; set; }
    public int Version { get; set; }
    public Guid ResultId { get; set; }
    public string? RunnerQueue { get; set; }
    public int TimeoutSeconds { get; set; }
    public Guid? TimeoutTokenId { get; set; }

    /// <summary>When the current phase (waiting for a runner, running) times out.</summary>
    public DateTimeOffset? DeadlineAt { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
