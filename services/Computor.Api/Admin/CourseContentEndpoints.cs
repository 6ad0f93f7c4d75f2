using System.Text.RegularExpressions;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static partial class CourseContentEndpoints
{
    public sealed record Create(Guid? CourseId, string? Path, string? Title, int? Position, string? Directory,
        string? ExecutionBackend, string? ReleasedCommit, int? MaxTestRuns, int? MaxSubmissions, int? TimeoutSeconds,
        int? MemoryLimitMb);

    /// <summary>Fields a release (or an administrator) updates; absent fields stay as they are.</summary>
    public sealed record Update(string? Title, string? Directory, string? ExecutionBackend, string? ReleasedCommit,
        int? MaxTestRuns, int? MaxSubmissions, int? TimeoutSeconds, int? MemoryLimitMb);

    [GeneratedRegex("^[0-9a-f]{40}([0-9a-f]{24})?$")]
    private static partial Regex CommitId();

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/course-contents", async (Create body, ComputorDb db, CancellationToken ct) =>
        {
            if (Validation.FirstProblem(Validation.Required("course_id", body.CourseId),
                    Validation.ContentPath("path", body.Path), Validation.Text("title", body.Title),
                    Validation.Range("position", body.Position, 0, 100_000), Check(body.ToUpdate())) is { } problem)
                return problem;
            if (await db.Courses.FindAsync([body.CourseId], ct) is null)
                return ApiProblem.NotFound("course");
            var content = new CourseContent
            {
                CourseId = body.CourseId!.Value, Path = body.Path!, Title = body.Title!, Position = body.Position ?? 0,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Apply(content, body.ToUpdate());
            db.CourseContents.Add(content);
            return await db.SaveUnique("course content", ct) ?? Results.Created($"/course-contents/{content.Id}", content);
        });
        admin.MapPatch("/course-contents/{id:guid}", async (Guid id, Update body, ComputorDb db, CancellationToken ct) =>
        {
            if (Check(body) is { } problem)
                return problem;
            if (await db.CourseContents.FindAsync([id], ct) is not { } content)
                return ApiProblem.NotFound("course content");
            Apply(content, body);
            await db.SaveChangesAsync(ct);
            return Results.Ok(content);
        });
        admin.MapGet("/course-contents", ([FromQuery(Name = "course_id")] Guid? courseId, ComputorDb db, CancellationToken ct) =>
            db.CourseContents.AsNoTracking().Where(c => courseId == null || c.CourseId == courseId)
                .OrderBy(c => c.Path).ToListAsync(ct));
        admin.MapGet("/course-contents/{id:guid}", async (Guid id, ComputorDb db, CancellationToken ct) =>
            await db.CourseContents.FindAsync([id], ct) is { } content ? Results.Ok(content) : ApiProblem.NotFound("course content"));
    }

    static Update ToUpdate(this Create c) => new(c.Title, c.Directory, c.ExecutionBackend, c.ReleasedCommit, c.MaxTestRuns,
        c.MaxSubmissions, c.TimeoutSeconds, c.MemoryLimitMb);

    static IResult? Check(Update body) => Validation.FirstProblem(
        Validation.Text("title", body.Title, required: false),
        body.Directory is null || Validation.IsRelativeDirectory(body.Directory) ? null
            : ApiProblem.Invalid("directory", "a relative path without '..' segments"),
        body.ExecutionBackend is null || RunnerQueues.ForBackend(body.ExecutionBackend) is not null ? null
            : ApiProblem.Invalid("execution_backend", "no runner serves this backend (itpcp.exec.py, itpcp.exec.mat, itpcp.exec.oct)"),
        body.ReleasedCommit is null || CommitId().IsMatch(body.ReleasedCommit) ? null
            : ApiProblem.Invalid("released_commit", "a full lower-case git commit id"),
        Validation.Range("max_test_runs", body.MaxTestRuns, 0, 100_000),
        Validation.Range("max_submissions", body.MaxSubmissions, 0, 100_000),
        Validation.Range("timeout_seconds", body.TimeoutSeconds, 1, 86_400),
        Validation.Range("memory_limit_mb", body.MemoryLimitMb, 16, 65_536));

    static void Apply(CourseContent content, Update body)
    {
        content.Title = body.Title ?? content.Title;
        content.Directory = body.Directory ?? content.Directory;
        content.ExecutionBackend = body.ExecutionBackend ?? content.ExecutionBackend;
        content.ReleasedCommit = body.ReleasedCommit ?? content.ReleasedCommit;
        content.MaxTestRuns = body.MaxTestRuns ?? content.MaxTestRuns;
        content.MaxSubmissions = body.MaxSubmissions ?? content.MaxSubmissions;
        content.TimeoutSeconds = body.TimeoutSeconds ?? content.TimeoutSeconds;
        content.MemoryLimitMb = body.MemoryLimitMb ?? content.MemoryLimitMb;
    }
}
