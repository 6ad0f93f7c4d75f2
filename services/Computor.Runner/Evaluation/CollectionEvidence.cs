using Computor.Runner.Execution;

namespace Computor.Runner.Evaluation;

/// <summary>Everything one collection is judged on: both runs and the files the student handed in.</summary>
public sealed record CollectionEvidence
{
    public CollectionRun? Student { get; init; }
    public CollectionRun? Reference { get; init; }
    public required SideRun StudentSide { get; init; }

    /// <summary>Token counts and lint findings of the submission, taken where no student code ran.</summary>
    public required SideRun Analysis { get; init; }
    public required string StudentDirectory { get; init; }

    /// <summary>The source file structural and linting tests look at.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Where the language counts from (0 in Python, 1 in MATLAB), for positions in messages.</summary>
    public int FirstIndex { get; init; }
}
