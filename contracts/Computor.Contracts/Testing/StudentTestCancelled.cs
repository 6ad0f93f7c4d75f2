namespace Computor.Contracts.Testing;

/// <summary>Published when a run was cancelled, so a runner still working on it can stop.</summary>
public sealed record StudentTestCancelled
{
    public required Guid CorrelationId { get; init; }
    public required string Reason { get; init; }
}
