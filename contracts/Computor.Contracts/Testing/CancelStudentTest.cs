namespace Computor.Contracts.Testing;

public sealed record CancelStudentTest
{
    public required Guid CorrelationId { get; init; }
    public string? Reason { get; init; }
}
