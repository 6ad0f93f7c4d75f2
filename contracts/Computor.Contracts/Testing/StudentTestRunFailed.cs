namespace Computor.Contracts.Testing;

/// <summary>The runner could not produce a report; Reason is shown to the student.</summary>
public sealed record StudentTestRunFailed
{
    public required Guid CorrelationId { get; init; }
    public required string Reason { get; init; }
    public bool TimedOut { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
    /// <summary>When the run took its slot, if it did: a run that fails within a second announced no start (ADR 25).</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
