namespace Computor.Contracts.Testing;

/// <summary>Scheduled by the saga when it sends a run; arrives only if the run did not end in time.</summary>
public sealed record StudentTestTimedOut
{
    public required Guid CorrelationId { get; init; }
}
