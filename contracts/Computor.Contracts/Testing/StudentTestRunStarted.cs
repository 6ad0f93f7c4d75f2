namespace Computor.Contracts.Testing;

public sealed record StudentTestRunStarted
{
    public required Guid CorrelationId { get; init; }
    public required string Runner { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
}
