namespace Computor.Persistence.Entities;

/// <summary>One test run of one member's version of an assignment, mirrored from the student-test saga.</summary>
public sealed class Result
{
    public Guid Id { get; set; }
    public Guid CourseMemberId { get; set; }
    public Guid CourseContentId { get; set; }
    public required string VersionIdentifier { get; set; }
    /// <summary>The uploaded artifact this run tested; null when it tested a commit of the member's repository.</summary>
    public Guid? ArtifactId { get; set; }
    public bool Submit { get; set; }
    public ResultStatus Status { get; set; }

    /// <summary>Correlation id of the saga that drives this run (the Prefect flow-run id of old).</summary>
    public Guid TestSystemId { get; set; }

    public double? Grade { get; set; }
    public int? Total { get; set; }
    public int? Passed { get; set; }
    public int? Failed { get; set; }
    public int? Skipped { get; set; }
    public string? ReportLocation { get; set; }

    /// <summary>How many files the run left beside its report; null when the runner did not say (look in storage).</summary>
    public int? ArtifactCount { get; set; }

    /// <summary>Why a run failed or was cancelled, in words a student can act on.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>The run failed because it ran out of time (clients show <c>"timeout": true</c>).</summary>
    public bool TimedOut { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
