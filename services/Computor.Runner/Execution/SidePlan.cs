namespace Computor.Runner.Execution;

/// <summary>Which code a sandbox runs: the student's, the reference, or none (static analysis of the submission).</summary>
public enum Side { Student, Reference, Analysis }

/// <summary>What one side executes: sent to the executor inside the sandbox. Paths are host paths.</summary>
public sealed record SidePlan
{
    public required Side Side { get; init; }
    public required string Directory { get; init; }

    /// <summary>The unprivileged uid the side runs as when the runner is root.</summary>
    public required int Uid { get; init; }
    public required IReadOnlyList<CollectionPlan> Collections { get; init; }
    public IReadOnlyList<string> Structural { get; init; } = [];
    public IReadOnlyList<string> Lint { get; init; } = [];
}

public sealed record CollectionPlan
{
    public required string Key { get; init; }
    public string? Entry { get; init; }
    public string? InputAnswers { get; init; }
    public string? SetUpCode { get; init; }
    public string? TearDownCode { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
    public required double Timeout { get; init; }
    public bool StoreGraphics { get; init; }
}
