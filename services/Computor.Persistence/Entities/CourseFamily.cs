namespace Computor.Persistence.Entities;

public sealed class CourseFamily
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Path { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
