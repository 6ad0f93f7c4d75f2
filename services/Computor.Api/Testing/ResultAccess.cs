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
    /// answers "not found", not "forbidden", so ids of other students' work reveal nothing. Clients poll
    /// through this every 2 s, so result and member come in one query.
    /// </summary>
    public static async Task<Result?> FindVisible(this ComputorDb db, Guid id, ClaimsPrincipal caller, CancellationToken ct)
    {
        var found = await db.Results.AsNoTracking()
            .Where(r => r.Id == id || r.TestSystemId == id)
            .Join(db.CourseMembers.AsNoTracking(), r => r.CourseMemberId, m => m.Id, (r, m) => new { Result = r, Member = m })
            .SingleOrDefaultAsync(ct);
        return found is not null && await caller.MayActFor(db, found.Member, ct) ? found.Result : null;
    }
}
