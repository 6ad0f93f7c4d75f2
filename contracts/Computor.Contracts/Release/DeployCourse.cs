namespace Computor.Contracts.Release;

/// <summary>Make the course's repositories on its organization's git provider (groups and projects, idempotent).</summary>
public sealed record DeployCourse
{
    public required Guid CorrelationId { get; init; }
    public required Guid CourseId { get; init; }

    /// <summary>Also release every assignment of the course's material (<c>descendants</c>).</summary>
    public bool ReleaseContents { get; init; }
}
