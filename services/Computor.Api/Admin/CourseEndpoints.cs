using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static class CourseEndpoints
{
    public sealed record Create(Guid? CourseFamilyId, string? Path, string? Title, string? ProviderUrl, string? FullPath,
        string? AssignmentsUrl);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/courses", async (Create body, ComputorDb db, CancellationToken ct) =>
        {
            if (Validation.FirstProblem(Validation.Required("course_family_id", body.CourseFamilyId),
                    Validation.Path("path", body.Path), Validation.Text("title", body.Title),
                    Validation.Text("provider_url", body.ProviderUrl, 1024, required: false),
                    Validation.Text("full_path", body.FullPath, 1024, required: false),
                    Validation.RepositoryUrl("assignments_url", body.AssignmentsUrl)) is { } problem)
                return problem;
            if (await db.CourseFamilies.FindAsync([body.CourseFamilyId], ct) is not { } family)
                return ApiProblem.NotFound("course family");
            var course = new Course
            {
                CourseFamilyId = family.Id, OrganizationId = family.OrganizationId, Path = body.Path!, Title = body.Title!,
                ProviderUrl = body.ProviderUrl, FullPath = body.FullPath, AssignmentsUrl = body.AssignmentsUrl,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Courses.Add(course);
            return await db.SaveUnique("course", ct) ?? Results.Created($"/courses/{course.Id}", course);
        });
        admin.MapGet("/courses", ([FromQuery(Name = "course_family_id")] Guid? courseFamilyId, ComputorDb db, CancellationToken ct) =>
            db.Courses.AsNoTracking().Where(c => courseFamilyId == null || c.CourseFamilyId == courseFamilyId)
                .OrderBy(c => c.Path).ToListAsync(ct));
        admin.MapGet("/courses/{id:guid}", async (Guid id, ComputorDb db, CancellationToken ct) =>
            await db.Courses.FindAsync([id], ct) is { } course ? Results.Ok(course) : ApiProblem.NotFound("course"));
    }
}
