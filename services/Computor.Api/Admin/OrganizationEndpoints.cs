using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Persistence.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Admin;

static class OrganizationEndpoints
{
    /// <summary>The GitLab token is stored encrypted and never shown again.</summary>
    public sealed record Create(string? Path, string? Title, string? GitProvider, string? GitlabUrl, string? GitlabToken);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/organizations", async (Create body, ComputorDb db, TokenCipher tokens, CancellationToken ct) =>
        {
            var provider = body.GitProvider ?? GitProviders.Local;
            if (Validation.FirstProblem(Validation.Path("path", body.Path), Validation.Text("title", body.Title),
                    GitProviders.IsKnown(provider) ? null : ApiProblem.Invalid("git_provider", $"{GitProviders.GitLab} or {GitProviders.Local}"),
                    Validation.RepositoryUrl("gitlab_url", body.GitlabUrl), Validation.Text("gitlab_token", body.GitlabToken, 512, required: false),
                    provider == GitProviders.GitLab && (body.GitlabUrl is null || body.GitlabToken is null)
                        ? ApiProblem.Invalid("gitlab_url", "a gitlab provider needs gitlab_url and gitlab_token") : null) is { } problem)
                return problem;
            if (body.GitlabToken is not null && !tokens.IsConfigured)
                return ApiProblem.BadRequest("DEPLOY_002", "COMPUTOR_TOKEN_SECRET is not set on the API: it cannot store the GitLab token");
            var organization = new Organization
            {
                Path = body.Path!, Title = body.Title!, GitProvider = provider, GitlabUrl = body.GitlabUrl?.TrimEnd('/'),
                GitlabTokenCipher = body.GitlabToken is { } token ? tokens.Encrypt(token) : null, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Organizations.Add(organization);
            return await db.SaveUnique("organization", ct) ?? Results.Created($"/organizations/{organization.Id}", organization);
        });
        admin.MapGet("/organizations", (ComputorDb db, CancellationToken ct) =>
            db.Organizations.AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct));
    }
}
