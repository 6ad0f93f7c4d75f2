namespace Computor.Api.Auth;

/// <summary>Password login for the student client: <c>/auth/login</c>, <c>/auth/refresh/local</c>, <c>/auth/logout</c>.</summary>
static class LoginEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/login", async (LoginRequest body, Logins logins, CancellationToken ct) =>
        {
            if (body.Username is not { Length: > 0 and <= 100 } username || body.Password is not { Length: > 0 and <= Passwords.MaxLength } password)
                return Refused();
            return await logins.Login(username, password, ct) is { } issued ? Results.Ok(issued) : Refused();
        }).AllowAnonymous().RequireRateLimiting(RequestLimits.Logins);

        app.MapPost("/auth/refresh/local", async (RefreshRequest body, Logins logins, CancellationToken ct) =>
        {
            if (body.RefreshToken is not { Length: > 0 and <= 512 } token || !token.StartsWith(ApiTokens.RefreshTokenPrefix, StringComparison.Ordinal))
                return Refused();
            return await logins.Refresh(token, ct) is { } issued ? Results.Ok(issued) : Refused();
        }).AllowAnonymous();

        app.MapPost("/auth/logout", async (HttpRequest request, Logins logins, CancellationToken ct) =>
        {
            var authorization = request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                await logins.Logout(authorization[7..].Trim(), ct);
            return Results.NoContent();
        });
    }

    /// <summary>One answer for an unknown user, a wrong password and a bad token: nothing to tell them apart.</summary>
    static IResult Refused() => ApiProblem.Unauthorized("AUTH_001", "Invalid credentials");
}
