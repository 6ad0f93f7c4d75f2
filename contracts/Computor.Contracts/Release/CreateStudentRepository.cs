namespace Computor.Contracts.Release;

/// <summary>One student's share of a <see cref="ReleaseStudents"/>: their fork, membership and unprotected branch.</summary>
public sealed record CreateStudentRepository
{
    public required Guid CorrelationId { get; init; }
    public required Guid CourseMemberId { get; init; }
}
