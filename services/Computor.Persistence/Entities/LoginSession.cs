namespace Computor.Persistence.Entities;

/// <summary>
/// A login: a short-lived access token and the refresh token that replaces it, both stored as hashes. Each
/// refresh ends this session and starts the next one of the same family, so a refresh token works once;
/// presenting a used one again ends the whole family (someone else has a copy).
/// </summary>
public sealed class LoginSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required string AccessTokenHash { get; set; }
    public DateTimeOffset AccessExpiresAt { get; set; }
    public required string RefreshTokenHash { get; set; }
    public DateTimeOffset RefreshExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Ended by a refresh (its token may be used again within the grace), not by logout or theft.</summary>
    public bool Rotated { get; set; }
}
