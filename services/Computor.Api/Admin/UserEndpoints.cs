using Computor.Api.Auth;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static class UserEndpoints
{
    public sealed record Create(string? Username, string? Email, string? GivenName, string? FamilyName, bool? IsAdmin, string? Password);

    public sealed record SetPassword(string? Password);

    public sealed record CreateToken(string? Name);

    /// <summary>The token itself appears in this answer only; the database keeps its hash.</summary>
    public sealed record IssuedToken(Guid Id, Guid UserId, string Name, string Token);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/users", async (Create body, ComputorDb db, CancellationToken ct) =>
        {
            if (Validation.FirstProblem(Validation.Path("username", body.Username?.ToLowerInvariant()),
                    Validation.Text("email", body.Email, required: false), Validation.Text("given_name", body.GivenName, required: false),
                    Validation.Text("family_name", body.FamilyName, required: false),
                    body.Password is null || Passwords.Problem(body.Password) is not { } weak ? null : ApiProblem.Invalid("password", weak)) is { } problem)
                return problem;
            var user = new User
            {
                Username = body.Username!.ToLowerInvariant(), Email = body.Email, GivenName = body.GivenName,
                FamilyName = body.FamilyName, IsAdmin = body.IsAdmin ?? false, CreatedAt = DateTimeOffset.UtcNow,
                PasswordHash = body.Password is null ? null : Passwords.Hash(body.Password),
            };
            db.Users.Add(user);
            return await db.SaveUnique("user", ct) ?? Results.Created($"/users/{user.Id}", user);
        });
        admin.MapGet("/users", (ComputorDb db, CancellationToken ct) => db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(ct));
        admin.MapGet("/users/{id:guid}", async (Guid id, ComputorDb db, CancellationToken ct) =>
            await db.Users.FindAsync([id], ct) is { } user ? Results.Ok(user) : ApiProblem.NotFound("user"));
        // A new password ends the user's logins: whoever knew the old one is logged out.
        admin.MapPut("/users/{id:guid}/password", async (Guid id, SetPassword body, ComputorDb db, CoherentCache<string, TokenOwner> owners,
            CancellationToken ct) =>
        {
            if (Passwords.Problem(body.Password) is { } weak)
                return ApiProblem.Invalid("password", weak);
            var hash = Passwords.Hash(body.Password!);
            if (await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), ct) == 0)
                return ApiProblem.NotFound("user");
            await db.LoginSessions.Where(s => s.UserId == id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, DateTimeOffset.UtcNow), ct);
            owners.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/users/{id:guid}/api-tokens", async (Guid id, CreateToken body, ComputorDb db, CancellationToken ct) =>
        {
            if (Validation.Text("name", body.Name, 100) is { } problem)
                return problem;
            if (await db.Users.FindAsync([id], ct) is null)
                return ApiProblem.NotFound("user");
            var token = ApiTokens.Generate();
            var row = new ApiToken { UserId = id, Name = body.Name!, TokenHash = ApiTokens.Hash(token), CreatedAt = DateTimeOffset.UtcNow };
            db.ApiTokens.Add(row);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/users/{id}/api-tokens/{row.Id}", new IssuedToken(row.Id, id, row.Name, token));
        });
        admin.MapDelete("/users/{id:guid}/api-tokens/{tokenId:guid}", async (Guid id, Guid tokenId, ComputorDb db, CoherentCache<string, TokenOwner> owners,
            CancellationToken ct) =>
        {
            var revoked = await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), ct);
            owners.Clear();
            return revoked == 0 ? ApiProblem.NotFound("api token") : Results.NoContent();
        });
    }
}
