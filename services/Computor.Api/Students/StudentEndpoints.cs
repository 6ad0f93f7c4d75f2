using System.Security.Claims;
using Computor.Api.Auth;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Computor.Api.Students.StudentViews;

namespace Computor.Api.Students;

/// <summary>
/// What a student's client reads on the way to an assignment. Each answers only with the caller's own
/// courses and work; anything else is "not found", so ids of other courses reveal nothing.
/// </summary>
static class StudentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/user/views", async (ClaimsPrincipal caller, ComputorDb db, CancellationToken ct) =>
        {
            var userId = caller.UserId();
            var roles = await db.CourseMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Role).Distinct().ToListAsync(ct);
            var views = new List<string> { "student" };
            if (roles.Any(r => r >= CourseRole.Tutor))
                views.Add("tutor");
            if (roles.Any(r => r >= CourseRole.Lecturer))
                views.Add("lecturer");
            if (caller.IsAdmin())
                views.Add("admin");
            return views;
        });

        api.MapGet("/students/courses", async (ClaimsPrincipal caller, ComputorDb db, CancellationToken ct) =>
            (await MyCourses(db, caller).OrderBy(c => c.Path).ToListAsync(ct)).Select(StudentCourse.Of));

        api.MapGet("/students/courses/{id:guid}", async (Guid id, ClaimsPrincipal caller, ComputorDb db, CancellationToken ct) =>
            await MyCourses(db, caller).SingleOrDefaultAsync(c => c.Id == id, ct) is { } course
                ? Results.Ok(StudentCourse.Of(course))
                : ApiProblem.NotFound("course"));

        api.MapGet("/course-content-kinds", () => Kinds);

        api.MapGet("/students/course-contents", async ([FromQuery(Name = "course_id")] Guid? courseId, ClaimsPrincipal caller,
            StudentContents contents, CancellationToken ct) => await contents.List(caller.UserId(), courseId, null, ct));

        api.MapGet("/students/course-contents/{id:guid}", async (Guid id, ClaimsPrincipal caller, StudentContents contents, CancellationToken ct) =>
            await contents.One(caller.UserId(), id, ct) is { } content ? Results.Ok(content) : ApiProblem.NotFound("course content"));

        api.MapGet("/organizations/{id:guid}", async (Guid id, ClaimsPrincipal caller, ComputorDb db, CancellationToken ct) =>
        {
            if (caller.IsAdmin())
                return await db.Organizations.FindAsync([id], ct) is { } organization ? Results.Ok(organization) : ApiProblem.NotFound("organization");
            return await db.Organizations.AsNoTracking().Where(o => o.Id == id && MyCourses(db, caller).Any(c => c.OrganizationId == o.Id))
                .Select(o => new { o.Id, o.Title, o.Path }).SingleOrDefaultAsync(ct) is { } visible
                ? Results.Ok(visible)
                : ApiProblem.NotFound("organization");
        });

        api.MapGet("/course-families/{id:guid}", async (Guid id, ClaimsPrincipal caller, ComputorDb db, CancellationToken ct) =>
        {
            if (caller.IsAdmin())
                return await db.CourseFamilies.FindAsync([id], ct) is { } family ? Results.Ok(family) : ApiProblem.NotFound("course family");
            return await db.CourseFamilies.AsNoTracking().Where(f => f.Id == id && MyCourses(db, caller).Any(c => c.CourseFamilyId == f.Id))
                .Select(f => new { f.Id, f.Title, f.Path, f.OrganizationId }).SingleOrDefaultAsync(ct) is { } visible
                ? Results.Ok(visible)
                : ApiProblem.NotFound("course family");
        });

        api.MapGet("/system/maintenance/status", (IOptionsSnapshot<MaintenanceOptions> maintenance) =>
            new { maintenance.Value.Active, maintenance.Value.Message, maintenance.Value.ScheduledAt }).AllowAnonymous();
    }

    static IQueryable<Course> MyCourses(ComputorDb db, ClaimsPrincipal caller)
    {
        var userId = caller.UserId();
        return db.Courses.AsNoTracking().Where(c => db.CourseMembers.Any(m => m.CourseId == c.Id && m.UserId == userId));
    }
}
