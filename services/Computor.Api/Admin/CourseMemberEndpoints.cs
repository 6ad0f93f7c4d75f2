using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static class CourseMemberEndpoints
{
    public sealed record Repository(string? Url, string? FullPath, string? WebUrl, string? HttpUrlToRepo, long? ProjectId);

    public sealed record Create(Guid? UserId, Guid? CourseId, CourseRole? Role, Repository? Repository);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/course-members", async (Create body, ComputorDb db, CancellationToken ct) =>
        {
            var repository = body.Repository;
            if (Validation.FirstProblem(Validation.Required("user_id", body.UserId), Validation.Required("course_id", body.CourseId),
                    Validation.RepositoryUrl("repository.url", repository?.Url),
                    Validation.Text("repository.full_path", repository?.FullPath, 1024, required: false),
                    Validation.Text("repository.web_url", repository?.WebUrl, 1024, required: false),
                    Validation.RepositoryUrl("repository.http_url_to_repo", repository?.HttpUrlToRepo)) is { } problem)
                return problem;
            if (await db.Users.FindAsync([body.UserId], ct) is null)
                return ApiProblem.NotFound("user");
            if (await db.Courses.FindAsync([body.CourseId], ct) is null)
                return ApiProblem.NotFound("course");
            var member = new CourseMember
            {
                UserId = body.UserId!.Value, CourseId = body.CourseId!.Value, Role = body.Role ?? CourseRole.Student,
                Repository = new RepositoryInfo
                {
                    Url = repository?.Url, FullPath = repository?.FullPath, WebUrl = repository?.WebUrl,
                    HttpUrlToRepo = repository?.HttpUrlToRepo, ProjectId = repository?.ProjectId,
                },
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CourseMembers.Add(member);
            return await db.SaveUnique("course member", ct) ?? Results.Created($"/course-members/{member.Id}", member);
        });
        admin.MapGet("/course-members", ([FromQuery(Name = "course_id")] Guid? courseId, ComputorDb db, CancellationToken ct) =>
            db.CourseMembers.AsNoTracking().Where(m => courseId == null || m.CourseId == courseId)
                .OrderBy(m => m.CreatedAt).ToListAsync(ct));
        admin.MapGet("/course-members/{id:guid}", async (Guid id, ComputorDb db, CancellationToken ct) =>
            await db.CourseMembers.FindAsync([id], ct) is { } member ? Results.Ok(member) : ApiProblem.NotFound("course member"));
    }
}
