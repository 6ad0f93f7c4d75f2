namespace Computor.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Bootstrap admin token (<c>COMPUTOR_ADMIN_TOKEN</c>): lets an operator create the first users and tokens.
    /// Empty disables it.
    /// </summary>
    public string? AdminToken { get; set; }

    /// <summary>How long a login's access token works (<c>Auth__AccessTokenLifetime</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token may be used, once (<c>Auth__RefreshTokenLifetime</c>).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// A refresh token used again this soon after it was used is a client's overlapping requests, not a
    /// stolen copy: it gets a new session instead of ending the family (<c>Auth__RefreshReuseGrace</c>).
    /// </summary>
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(30);
}
