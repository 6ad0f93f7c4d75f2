using System.Security.Claims;
using Computor.Api.Auth;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Testing;

static class ResultAccess
{
    /// <summary>
    /// The result with this id (or this test system id), if the caller may see it. Someone else's result
    /// answers "not found", not "forbidden", so ids of other students' work reveal nothing.
    /// </summary>
    public static async Task<Result?> FindVisible(this ComputorDb db, Guid id, ClaimsPrincipal caller, CancellationToken ct)
    {
        var result = await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id || r.TestSystemId == id, ct);
        if (result is null)
            return null;
        var member = await db.CourseMembers.AsNoTracking().SingleAsync(m => m.Id == result.CourseMemberId, ct);
        return await caller.MayActFor(db, member, ct) ? result : null;
    }
}
