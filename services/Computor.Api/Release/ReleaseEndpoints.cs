using System.Security.Claims;
using System.Text;
using Computor.Api.Auth;
using Computor.Contracts.Release;
using Computor.Material;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Persistence.Sagas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Release;

/// <summary>
/// The Prefect-era release endpoints: deploy (admins), and releases of a course, its contents and its
/// students (admins and the course's lecturers). Each answers 202 with the id to follow at <c>GET /tasks/{id}</c>.
/// </summary>
static class ReleaseEndpoints
{
    public const long MaxDocumentBytes = 1024 * 1024;

    public sealed record CourseRequest(Guid? CourseId, bool? Descendants);

    public sealed record ContentsRequest(Guid? CourseId, string? ReleaseDir, List<string>? ReleaseDirList, bool? Ascendants, bool? Descendants);

    public sealed record StudentUser(string? Username, string? Email, string? GivenName, string? FamilyName);

    public sealed record Student(Guid? UserId, StudentUser? User, Guid? CourseGroupId, string? Role);

    public sealed record StudentsRequest(Guid? CourseId, List<Student>? Students);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/system/deploy", async (HttpRequest request, CourseDeploy deploy, CancellationToken ct) =>
        {
            if (await Text(request, ct) is not { } text)
                return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "VAL_002", $"a deploy document is at most {MaxDocumentBytes} bytes");
            DeployDocument document;
            try
            {
                document = DeployDocument.Parse(text);
            }
            catch (MaterialException e)
            {
                return ApiProblem.BadRequest("VAL_001", e.Message);
            }
            return await deploy.Apply(document, ct);
        }).RequireAuthorization(Caller.AdminPolicy);

        api.MapPost("/system/release/courses", async (CourseRequest body, ClaimsPrincipal caller, ComputorDb db, ReleaseRequests releases,
            CancellationToken ct) =>
        {
            if (await Course(body.CourseId, caller, db, ct) is { } refused)
                return refused;
            var started = releases.Start(ReleaseFlows.DeployCourse, body.CourseId!.Value, total: null,
                id => new DeployCourse { CorrelationId = id, CourseId = body.CourseId!.Value, ReleaseContents = body.Descendants ?? false });
            await db.SaveChangesAsync(ct);
            return Results.Accepted(started.StatusUrl, started);
        });

        api.MapPost("/system/release/course-contents", async (ContentsRequest body, ClaimsPrincipal caller, ComputorDb db,
            ReleaseRequests releases, CancellationToken ct) =>
        {
            if (await Course(body.CourseId, caller, db, ct) is { } refused)
                return refused;
            var directories = (body.ReleaseDirList ?? []).Concat(body.ReleaseDir is { } one ? [one] : []).Select(d => d.Trim().Trim('/')).Distinct().ToList();
            if (directories.FirstOrDefault(d => !Validation.IsRelativeDirectory(d)) is { } bad)
                return ApiProblem.Invalid("release_dir_list", $"'{bad}' is not a relative path inside the material");
            if (directories.Count == 0 && body.Descendants != true)
                return ApiProblem.Invalid("release_dir", "name a directory (release_dir or release_dir_list), or set descendants to release all");
            if (directories.Count > 500)
                return ApiProblem.Invalid("release_dir_list", "at most 500 directories per release");
            var started = releases.Start(ReleaseFlows.CourseContents, body.CourseId!.Value, total: null, id => new ReleaseCourseContents
            {
                CorrelationId = id, CourseId = body.CourseId!.Value, Directories = directories,
                Ascendants = body.Ascendants ?? false, Descendants = body.Descendants ?? false,
            });
            await db.SaveChangesAsync(ct);
            return Results.Accepted(started.StatusUrl, started);
        });

        api.MapPost("/system/release/students", async (StudentsRequest body, ClaimsPrincipal caller, ComputorDb db, Enrolment enrolment,
            ReleaseRequests releases, CancellationToken ct) =>
        {
            if (await Course(body.CourseId, caller, db, ct) is { } refused)
                return refused;
            if (body.Students is not { Count: > 0 } students)
                return ApiProblem.Invalid("students", "name at least one student");
            var entries = new List<MemberEntry>();
            foreach (var (student, i) in students.Select((s, i) => (s, i)))
            {
                if (!MemberEntry.TryRole(student.Role, out var role))
                    return ApiProblem.Invalid($"students[{i}].role", $"unknown role '{student.Role}'");
                if (student.UserId is null && student.User is null)
                    return ApiProblem.Invalid($"students[{i}]", "needs user_id or user");
                entries.Add(new MemberEntry($"students[{i}]", student.UserId, student.User?.Username, student.User?.Email,
                    student.User?.GivenName, student.User?.FamilyName, role));
            }
            return await ReleaseStudents(body.CourseId!.Value, entries, db, enrolment, releases, ct);
        });

        api.MapPost("/system/release/students/csv", async ([FromQuery(Name = "course_id")] Guid? courseId, HttpRequest request, ClaimsPrincipal caller, ComputorDb db,
            Enrolment enrolment, ReleaseRequests releases, CancellationToken ct) =>
        {
            if (await Course(courseId, caller, db, ct) is { } refused)
                return refused;
            if (await Text(request, ct) is not { } text)
                return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "VAL_002", $"a member list is at most {MaxDocumentBytes} bytes");
            var csv = MemberCsv.Parse(text);
            if (csv.Problems.Count > 0)
                return ReleaseProblems.Invalid(csv.Problems);
            if (csv.Entries.Count == 0)
                return ApiProblem.Invalid("csv", "no members in the file");
            return await ReleaseStudents(courseId!.Value, csv.Entries, db, enrolment, releases, ct);
        });
    }

    /// <summary>Enrols everyone, then releases repositories for the students among them.</summary>
    static async Task<IResult> ReleaseStudents(Guid courseId, IReadOnlyList<MemberEntry> entries, ComputorDb db, Enrolment enrolment,
        ReleaseRequests releases, CancellationToken ct)
    {
        var enrolled = await enrolment.Enrol(courseId, entries, studentsNeedEmail: true, ct);
        if (enrolled.Problems.Count > 0)
            return ReleaseProblems.Invalid(enrolled.Problems);
        var students = enrolled.Members.Where(m => m.Role == CourseRole.Student).Select(m => m.Id).ToList();
        var started = releases.Start(ReleaseFlows.Students, courseId, students.Count,
            id => new ReleaseStudents { CorrelationId = id, CourseId = courseId, CourseMemberIds = students });
        if (await db.SaveUnique("user or course member", ct) is { } conflict)
            return conflict;
        return Results.Accepted(started.StatusUrl, started);
    }

    /// <summary>Null when the course exists and the caller may release it; else the answer.</summary>
    static async Task<IResult?> Course(Guid? courseId, ClaimsPrincipal caller, ComputorDb db, CancellationToken ct)
    {
        if (courseId is null)
            return ApiProblem.Invalid("course_id", "is required");
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct))
            return ApiProblem.NotFound("course");
        return caller.IsAdmin() || await caller.RoleIn(db, courseId.Value, ct) >= CourseRole.Lecturer ? null : ApiProblem.Forbidden();
    }

    static async Task<string?> Text(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxDocumentBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read > MaxDocumentBytes ? null : new string(buffer, 0, read);
    }
}
