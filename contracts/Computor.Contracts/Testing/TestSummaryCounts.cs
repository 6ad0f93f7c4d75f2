namespace Computor.Contracts.Testing;

public sealed record TestSummaryCounts
{
    public required int Total { get; init; }
    public required int Passed { get; init; }
    public required int Failed { get; init; }
    public required int Skipped { get; init; }
}
