namespace Computor.Contracts.Release;

/// <summary>The deploy saga's work: the course's groups and projects, and (descendants) a release of all its contents.</summary>
public sealed record CreateCourseRepositories
{
    public required Guid CorrelationId { get; init; }
    public required Guid CourseId { get; init; }
    public bool ReleaseContents { get; init; }
}
