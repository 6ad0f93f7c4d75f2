namespace Computor.Contracts.Testing;

/// <summary>Command from the saga to a runner queue: everything the runner needs to test one submission.</summary>
public sealed record RunStudentTest
{
    public required Guid CorrelationId { get; init; }
    public required Guid ResultId { get; init; }
    public required TestAssignment Assignment { get; init; }
    public required CodeSource Student { get; init; }
    public required TestLimits Limits { get; init; }
    public required byte Priority { get; init; }

    /// <summary>
    /// The saga sent this run before (it saw its submit again while the run waited): a runner may already have
    /// tested it, so the runner looks for a stored report first.
    /// </summary>
    public bool Resent { get; init; }
}
