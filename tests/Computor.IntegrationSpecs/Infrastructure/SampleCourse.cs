using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// A released course set up over the admin API: one assignment per stand-in runner behaviour, a student with
/// a repository and token, a second student, and a tutor.
/// </summary>
sealed class SampleCourse
{
    public const string ReleasedCommit = "0123456789abcdef0123456789abcdef01234567";

    public required Guid CourseId { get; init; }
    public required Dictionary<string, Guid> Assignments { get; init; }
    public required Guid StudentMemberId { get; init; }
    public required string StudentToken { get; init; }
    public required Guid OtherStudentMemberId { get; init; }
    public required string OtherStudentToken { get; init; }
    public required string TutorToken { get; init; }

    /// <summary>The hanging assignment times out after 3 s (long enough to stop a service in between); the others allow two minutes.</summary>
    public static async Task<SampleCourse> Create(HttpClient admin, int? maxTestRuns = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organization = await admin.Post("/organizations", new { path = $"org-{suffix}", title = "Organization" });
        var family = await admin.Post("/course-families", new { organization_id = organization.Id(), path = "progfam", title = "Programming" });
        var course = await admin.Post("/courses", new
        {
            course_family_id = family.Id(), path = "prog1", title = "Programming 1",
            assignments_url = "http://git.example.test/prog1/assignments.git",
        });
        var assignments = new Dictionary<string, Guid>();
        foreach (var directory in new[] { StandInRunner.Passes, StandInRunner.Fails, StandInRunner.Crashes, StandInRunner.Hangs, StandInRunner.Races })
        {
            var content = await admin.Post("/course-contents", new
            {
                course_id = course.Id(), path = $"week1.{directory}", title = directory, directory,
                execution_backend = "itpcp.exec.py", released_commit = ReleasedCommit,
                timeout_seconds = directory == StandInRunner.Hangs ? 3 : 120, max_test_runs = maxTestRuns,
            });
            assignments[directory] = content.Id();
        }
        var (studentMember, studentToken) = await Member(admin, course.Id(), $"alice{suffix}", "student");
        var (otherMember, otherToken) = await Member(admin, course.Id(), $"bob{suffix}", "student");
        var (_, tutorToken) = await Member(admin, course.Id(), $"tina{suffix}", "tutor");
        return new SampleCourse
        {
            CourseId = course.Id(), Assignments = assignments, StudentMemberId = studentMember, StudentToken = studentToken,
            OtherStudentMemberId = otherMember, OtherStudentToken = otherToken, TutorToken = tutorToken,
        };
    }

    static async Task<(Guid Member, string Token)> Member(HttpClient admin, Guid courseId, string username, string role)
    {
        var user = await admin.Post("/users", new { username, email = $"{username}@example.test" });
        var token = await admin.Post($"/users/{user.Id()}/api-tokens", new { name = "specs" });
        var member = await admin.Post("/course-members", new
        {
            user_id = user.Id(), course_id = courseId, role,
            repository = new { http_url_to_repo = $"http://git.example.test/prog1/students/{username}.git" },
        });
        return (member.Id(), token["token"]!.GetValue<string>());
    }

    public object TestRequest(string assignment, string version, bool submit = false) =>
        new { course_content_id = Assignments[assignment], version_identifier = version, submit };

    public static string Version() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "01234567";

    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
