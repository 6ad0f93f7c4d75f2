using System.Security.Claims;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Auth;

/// <summary>Who is calling, and what they may see in a course.</summary>
static class Caller
{
    public const string AdminClaim = "computor:admin";
    public const string AdminPolicy = "admin";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(AdminClaim, "true");

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The caller's role in a course, or null when not a member.</summary>
    public static async Task<CourseRole?> RoleIn(this ClaimsPrincipal user, ComputorDb db, Guid courseId, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        return await db.CourseMembers.AsNoTracking()
            .Where(m => m.CourseId == courseId && m.UserId == userId)
            .Select(m => (CourseRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Admins, the member themself, and tutors or above of the member's course may act on a member's work.</summary>
    public static async Task<bool> MayActFor(this ClaimsPrincipal user, ComputorDb db, CourseMember member, CancellationToken cancellationToken)
    {
        if (user.IsAdmin() || member.UserId == user.UserId())
            return true;
        return await user.RoleIn(db, member.CourseId, cancellationToken) >= CourseRole.Tutor;
    }
}
