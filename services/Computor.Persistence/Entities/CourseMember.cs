namespace Computor.Persistence.Entities;

public sealed class CourseMember
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid CourseId { get; set; }
    public CourseRole Role { get; set; }
    public RepositoryInfo Repository { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
}
