using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Computor.Api.Auth;

/// <summary>Password logins and their sessions: issue, rotate on refresh, end.</summary>
sealed class Logins(ComputorDb db, CoherentCache<string, TokenOwner> owners, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>What the client keeps: the access token for requests and the refresh token for the next one.</summary>
    public sealed record Issued(string AccessToken, string RefreshToken, int ExpiresIn, Guid UserId, string TokenType = "Bearer");

    public async Task<Issued?> Login(string username, string password, CancellationToken ct)
    {
        var name = username.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == name, ct);
        if (!Passwords.Verify(password, user?.PasswordHash))
            return null;
        return await Start(user!.Id, Guid.NewGuid(), ct);
    }

    /// <summary>
    /// The next session of the refresh token's family, or null. A refresh token works once; the same token
    /// again after the grace ends every session of its family.
    /// </summary>
    public async Task<Issued?> Refresh(string refreshToken, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = ApiTokens.Hash(refreshToken);
        var session = await db.LoginSessions.AsNoTracking().SingleOrDefaultAsync(s => s.RefreshTokenHash == hash, ct);
        if (session is null || session.RefreshExpiresAt <= now)
            return null;
        var ended = await db.LoginSessions.Where(s => s.Id == session.Id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.Rotated, true), ct);
        if (ended == 1)
        {
            owners.Clear();
            return await Start(session.UserId, session.FamilyId, ct);
        }
        var again = await db.LoginSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, ct);
        if (again.Rotated && now - again.EndedAt <= options.Value.RefreshReuseGrace)
            return await Start(session.UserId, session.FamilyId, ct);
        await EndFamily(session.FamilyId, ct);
        return null;
    }

    /// <summary>Ends the session of this access token and every later one of its family.</summary>
    public async Task Logout(string accessToken, CancellationToken ct)
    {
        var hash = ApiTokens.Hash(accessToken);
        if (await db.LoginSessions.AsNoTracking().SingleOrDefaultAsync(s => s.AccessTokenHash == hash, ct) is { } session)
            await EndFamily(session.FamilyId, ct);
    }

    async Task EndFamily(Guid family, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.LoginSessions.Where(s => s.FamilyId == family && (s.EndedAt == null || s.Rotated))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, x => x.EndedAt ?? now).SetProperty(x => x.Rotated, false), ct);
        owners.Clear();
    }

    async Task<Issued> Start(Guid userId, Guid family, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var access = ApiTokens.Generate(ApiTokens.AccessTokenPrefix);
        var refresh = ApiTokens.Generate(ApiTokens.RefreshTokenPrefix);
        db.LoginSessions.Add(new LoginSession
        {
            UserId = userId, FamilyId = family, CreatedAt = now,
            AccessTokenHash = ApiTokens.Hash(access), AccessExpiresAt = now + options.Value.AccessTokenLifetime,
            RefreshTokenHash = ApiTokens.Hash(refresh), RefreshExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        return new Issued(access, refresh, (int)options.Value.AccessTokenLifetime.TotalSeconds, userId);
    }
}
