namespace Computor.Persistence.Entities;

/// <summary>
/// Who submits an assignment together: here always one member (the client reads <c>max_group_size</c> 1).
/// Made when the member first sees the assignment; artifacts and results of the assignment belong to it.
/// </summary>
public sealed class SubmissionGroup
{
    public Guid Id { get; set; }
    public Guid CourseContentId { get; set; }
    public Guid CourseMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
