namespace Computor.ServiceDefaults;

/// <summary>Queues of the system service that other services send commands to.</summary>
public static class SystemQueues
{
    /// <summary>The student-test saga's queue (submit and cancel commands).</summary>
    public const string StudentTests = "student-tests";

    /// <summary>The release saga's queue (deploy, course-contents and student release requests).</summary>
    public const string Releases = "releases";

    /// <summary>The release workers' queue: git and GitLab work the release saga hands out.</summary>
    public const string ReleaseWork = "release-work";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
