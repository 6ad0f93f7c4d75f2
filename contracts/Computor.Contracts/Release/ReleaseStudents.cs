namespace Computor.Contracts.Release;

/// <summary>Give each of these course members a repository forked from the student template.</summary>
public sealed record ReleaseStudents
{
    public required Guid CorrelationId { get; init; }
    public required Guid CourseId { get; init; }
    public required IReadOnlyList<Guid> CourseMemberIds { get; init; }
}
