namespace Computor.Persistence.Sagas;

/// <summary>Names of the release saga's flows, as <c>GET /tasks</c> shows them.</summary>
public static class ReleaseFlows
{
    public const string DeployCourse = "deploy_course";
    public const string CourseContents = "release_course_contents";
    public const string Students = "release_students";
}
