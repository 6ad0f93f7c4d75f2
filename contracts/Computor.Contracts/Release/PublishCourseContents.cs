namespace Computor.Contracts.Release;

/// <summary>The course-contents saga's work: what <see cref="ReleaseCourseContents"/> asked for.</summary>
public sealed record PublishCourseContents
{
    public required Guid CorrelationId { get; init; }
    public required Guid CourseId { get; init; }
    public required IReadOnlyList<string> Directories { get; init; }
    public bool Ascendants { get; init; }
    public bool Descendants { get; init; }
}
