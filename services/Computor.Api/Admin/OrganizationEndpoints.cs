using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static class OrganizationEndpoints
{
    public sealed record Create(string? Path, string? Title);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/organizations", async (Create body, ComputorDb db, CancellationToken ct) =>
        {
            if (Validation.FirstProblem(Validation.Path("path", body.Path), Validation.Text("title", body.Title)) is { } problem)
                return problem;
            var organization = new Organization { Path = body.Path!, Title = body.Title!, CreatedAt = DateTimeOffset.UtcNow };
            db.Organizations.Add(organization);
            return await db.SaveUnique("organization", ct) ?? Results.Created($"/organizations/{organization.Id}", organization);
        });
        admin.MapGet("/organizations", (ComputorDb db, CancellationToken ct) =>
            db.Organizations.AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct));
        admin.MapGet("/organizations/{id:guid}", async (Guid id, ComputorDb db, CancellationToken ct) =>
            await db.Organizations.FindAsync([id], ct) is { } organization ? Results.Ok(organization) : ApiProblem.NotFound("organization"));
    }
}
