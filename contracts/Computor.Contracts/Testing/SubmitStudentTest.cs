namespace Computor.Contracts.Testing;

/// <summary>Command from the API to the student-test saga: a result row was recorded as queued; run it.</summary>
public sealed record SubmitStudentTest
{
    public required Guid CorrelationId { get; init; }
    public required Guid ResultId { get; init; }
    public required TestAssignment Assignment { get; init; }
    public required CodeSource Student { get; init; }
    public required TestLimits Limits { get; init; }
    public required byte Priority { get; init; }
    public bool Submit { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
