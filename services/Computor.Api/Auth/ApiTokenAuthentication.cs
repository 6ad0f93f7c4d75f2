using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Computor.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Computor.Api.Auth;

/// <summary>
/// Authenticates <c>X-API-Token: ...</c> (service accounts) and <c>Authorization: Bearer ...</c> with an API
/// token, a login's access token or the bootstrap admin token; git clients send the token as the password of
/// basic authentication.
/// </summary>
sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    ComputorDb db,
    CoherentCache<string, TokenOwner> owners,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string GitPath = "/git";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = PresentedToken();
        if (string.IsNullOrEmpty(token))
            return AuthenticateResult.NoResult();
        if (token.Length > 512)
            return AuthenticateResult.Fail("token too long");

        var adminToken = auth.Value.AdminToken;
        if (!string.IsNullOrEmpty(adminToken) && ApiTokens.SameToken(token, adminToken))
            return Success(Guid.Empty, "admin", isAdmin: true);

        // Clients poll every 2 s with the same token: its owner is kept in memory until the database announces a
        // change to any token, login, user or membership (ChangeFeed), so a revocation still holds at once.
        var hash = ApiTokens.Hash(token);
        if (owners.TryGet(hash, out var owner))
            return Success(owner.Id, owner.Username, owner.IsAdmin);
        var version = owners.Version;
        var now = clock.GetUtcNow();
        var found = token.StartsWith(ApiTokens.AccessTokenPrefix, StringComparison.Ordinal)
            ? await db.LoginSessions.AsNoTracking()
                .Where(s => s.AccessTokenHash == hash && s.EndedAt == null && s.AccessExpiresAt > now)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Owner = new TokenOwner(u.Id, u.Username, u.IsAdmin), Expires = (DateTimeOffset?)s.AccessExpiresAt })
                .SingleOrDefaultAsync(Context.RequestAborted)
            : await db.ApiTokens.AsNoTracking()
                .Where(t => t.TokenHash == hash && t.RevokedAt == null)
                .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => new { Owner = new TokenOwner(u.Id, u.Username, u.IsAdmin), Expires = (DateTimeOffset?)null })
                .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
            return AuthenticateResult.Fail("unknown or revoked token");
        owners.Keep(hash, found.Owner, version, found.Expires);
        return Success(found.Owner.Id, found.Owner.Username, found.Owner.IsAdmin);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // Git asks its credential helper only when the server offers basic authentication.
        if (Request.Path.StartsWithSegments(GitPath))
            Response.Headers.WWWAuthenticate = "Basic realm=\"computor\"";
        await Response.WriteAsJsonAsync(new { title = "Unauthorized", status = 401, detail = "Unauthorized" },
            options: null, contentType: "application/problem+json");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.Forbidden().ExecuteAsync(Context);

    string? PresentedToken()
    {
        if (Request.Headers.TryGetValue("X-API-Token", out var apiToken))
            return apiToken.ToString().Trim();
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization[7..].Trim();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || authorization.Length > 1024)
            return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            return pair.IndexOf(':') is var colon and >= 0 ? pair[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    AuthenticateResult Success(Guid userId, string name, bool isAdmin)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId.ToString()), new(ClaimTypes.Name, name) };
        if (isAdmin)
            claims.Add(new Claim(Caller.AdminClaim, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
