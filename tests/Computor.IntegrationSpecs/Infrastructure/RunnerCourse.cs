using System.Text.Json.Nodes;
using Computor.Contracts.Testing;
using Computor.ServiceDefaults;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// A course with one released assignment (Python unless told otherwise) in a real assignments repository, and one student with a
/// real repository to push to. The assignment lives in <see cref="Directory"/> in both repositories.
/// </summary>
sealed class RunnerCourse : IDisposable
{
    public const string Directory = "week1";

    RunnerCourse(GitRepository assignments, GitRepository student) => (Assignments, Student) = (assignments, student);

    public GitRepository Assignments { get; }
    public GitRepository Student { get; }
    public Guid ContentId { get; private init; }
    public string Released { get; private init; } = "";
    public string StudentToken { get; private init; } = "";

    public static async Task<RunnerCourse> Create(HttpClient admin, IReadOnlyDictionary<string, string> assignment, int timeoutSeconds = 60,
        string backend = "itpcp.exec.py")
    {
        var course = new RunnerCourse(await GitRepository.Create(), await GitRepository.Create());
        var released = await course.Assignments.Commit(assignment.ToDictionary(f => $"{Directory}/{f.Key}", f => f.Value), "release week1");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organization = await admin.Post("/organizations", new { path = $"org-{suffix}", title = "Organization" });
        var family = await admin.Post("/course-families", new { organization_id = organization.Id(), path = "py", title = "Python" });
        var created = await admin.Post("/courses", new
        {
            course_family_id = family.Id(), path = "py1", title = "Python 1", assignments_url = course.Assignments.Url,
        });
        var content = await admin.Post("/course-contents", new
        {
            course_id = created.Id(), path = "week1", title = "Week 1", directory = Directory,
            execution_backend = backend, released_commit = released, timeout_seconds = timeoutSeconds,
        });
        var user = await admin.Post("/users", new { username = $"ada{suffix}", email = $"ada{suffix}@example.test" });
        var token = await admin.Post($"/users/{user.Id()}/api-tokens", new { name = "specs" });
        await admin.Post("/course-members", new
        {
            user_id = user.Id(), course_id = created.Id(), role = "student", repository = new { http_url_to_repo = course.Student.Url },
        });
        return new RunnerCourse(course.Assignments, course.Student)
        {
            ContentId = content.Id(), StudentToken = token["token"]!.GetValue<string>(), Released = released,
        };
    }

    /// <summary>The student pushes these files into the assignment directory; returns the commit to test.</summary>
    public Task<string> Push(IReadOnlyDictionary<string, string> files) =>
        Student.Commit(files.ToDictionary(f => $"{Directory}/{f.Key}", f => f.Value), "attempt");

    public object TestRequest(string commit, bool submit = false) =>
        new { course_content_id = ContentId, version_identifier = commit, submit };

    /// <summary>The command the saga would send a Python runner for this student's commit, for specs that send it themselves.</summary>
    public RunStudentTest Run(Guid correlationId, Guid resultId, string commit, bool resent = false) => new()
    {
        CorrelationId = correlationId,
        ResultId = resultId,
        Assignment = new TestAssignment
        {
            CourseContentId = ContentId, Directory = Directory, ExecutionBackend = "itpcp.exec.py",
            Reference = new CodeSource { RepositoryUrl = Assignments.Url, Commit = Released },
        },
        Student = new CodeSource { RepositoryUrl = Student.Url, Commit = commit },
        Limits = new TestLimits { TimeoutSeconds = 60 },
        Priority = RunnerQueues.TestRequest,
        Resent = resent,
    };

    /// <summary>Polls the result until it is final, as the student client does.</summary>
    public static Task<JsonObject> Final(HttpClient student, Guid resultId, TimeSpan? timeout = null) =>
        Eventually.Until(() => student.Get($"/results/{resultId}"),
            r => r["status"]!.GetValue<string>() is "finished" or "failed" or "cancelled", $"result {resultId} to be final", timeout ?? TimeSpan.FromSeconds(90));

    public void Dispose()
    {
        Assignments.Dispose();
        Student.Dispose();
    }
}
