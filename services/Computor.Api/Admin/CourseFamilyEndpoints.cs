using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static class CourseFamilyEndpoints
{
    public sealed record Create(Guid? OrganizationId, string? Path, string? Title);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/course-families", async (Create body, ComputorDb db, CancellationToken ct) =>
        {
            if (Validation.FirstProblem(Validation.Required("organization_id", body.OrganizationId),
                    Validation.Path("path", body.Path), Validation.Text("title", body.Title)) is { } problem)
                return problem;
            if (await db.Organizations.FindAsync([body.OrganizationId], ct) is null)
                return ApiProblem.NotFound("organization");
            var family = new CourseFamily
            {
                OrganizationId = body.OrganizationId!.Value, Path = body.Path!, Title = body.Title!, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CourseFamilies.Add(family);
            return await db.SaveUnique("course family", ct) ?? Results.Created($"/course-families/{family.Id}", family);
        });
        admin.MapGet("/course-families", ([FromQuery(Name = "organization_id")] Guid? organizationId, ComputorDb db, CancellationToken ct) =>
            db.CourseFamilies.AsNoTracking().Where(f => organizationId == null || f.OrganizationId == organizationId)
                .OrderBy(f => f.Path).ToListAsync(ct));
    }
}
