namespace Computor.Contracts.Testing;

/// <summary>The runner produced a report. Grade is <c>Summary.Passed / max(Summary.Total, 1)</c>.</summary>
public sealed record StudentTestRunCompleted
{
    public required Guid CorrelationId { get; init; }
    public required TestSummaryCounts Summary { get; init; }
    public required double Grade { get; init; }

    /// <summary>Object-storage key of testSummary.json.</summary>
    public required string ReportLocation { get; init; }

    /// <summary>How many files the run left beside its report; null when not counted (a stored report announced again).</summary>
    public int? ArtifactCount { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }
    /// <summary>When the runner started, again: the completion can overtake the start event it published first.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
