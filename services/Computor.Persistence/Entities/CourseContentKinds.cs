namespace Computor.Persistence.Entities;

/// <summary>The course content kinds clients know (<c>GET /course-content-kinds</c>).</summary>
public static class CourseContentKinds
{
    public const string Assignment = "assignment";
    public const string Unit = "unit";
}
