using System.Security.Claims;
using Computor.Api.Auth;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Testing;

static class ResultAccess
{
    /// <summary>A result with the member whose work it is.</summary>
    public sealed record Visible(Result Result, CourseMember Member);

    /// <summary>
    /// The result with this id (or this test system id), if the caller may see it. Someone else's result
    /// answers "not found", not "forbidden", so ids of other students' work reveal nothing.
    /// </summary>
    public static async Task<Result?> FindVisible(this ComputorDb db, Guid id, ClaimsPrincipal caller, CancellationToken ct) =>
        await db.WithMember(id, ct) is { } found && await caller.MayActFor(db, found.Member, ct) ? found.Result : null;

    /// <summary>
    /// The same for a status poll, which clients send every 2 s: the result is kept in memory until the database
    /// announces that it changed (ChangeFeed). Only for reading: a write must see the row as it is.
    /// </summary>
    public static async Task<Result?> FindVisible(this ComputorDb db, Guid id, ClaimsPrincipal caller, CoherentCache<Guid, Visible> kept, CancellationToken ct)
    {
        if (!kept.TryGet(id, out var found))
        {
            var version = kept.Version;
            found = await db.WithMember(id, ct);
            if (found is not null)
                kept.Keep(id, found, version);
        }
        return found is not null && await caller.MayActFor(db, found.Member, ct) ? found.Result : null;
    }

    /// <summary>
    /// The kept results a database change makes stale: a result's change names its two ids; any other change
    /// (memberships among them) may concern every kept member.
    /// </summary>
    public static IEnumerable<Guid>? Affected(string change) =>
        change.Split(':') is ["result", var id, var testSystemId] && Guid.TryParse(id, out var resultId) && Guid.TryParse(testSystemId, out var systemId)
            ? [resultId, systemId]
            : null;

    // Result and member come in one query.
    static Task<Visible?> WithMember(this ComputorDb db, Guid id, CancellationToken ct) =>
        db.Results.AsNoTracking()
            .Where(r => r.Id == id || r.TestSystemId == id)
            .Join(db.CourseMembers.AsNoTracking(), r => r.CourseMemberId, m => m.Id, (r, m) => new Visible(r, m))
            .SingleOrDefaultAsync(ct)!;

    /// <summary>A history row as the client lists it.</summary>
    public sealed record HistoryEntry(Guid Id, DateTimeOffset CreatedAt, string Status, double? Result, string VersionIdentifier, bool Submit);

    /// <summary>
    /// The caller's own runs (of one assignment, or of one submission group), newest first. Others' runs are
    /// never listed here, whatever the filter names.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ResultHistory(this ComputorDb db, ClaimsPrincipal caller, Guid? contentId, Guid? groupId,
        int limit, CancellationToken ct)
    {
        var userId = caller.UserId();
        var group = groupId is { } id ? await db.SubmissionGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) : null;
        if (groupId is not null && group is null)
            return [];
        var runs = await db.Results.AsNoTracking()
            .Where(r => db.CourseMembers.Any(m => m.Id == r.CourseMemberId && m.UserId == userId)
                && (contentId == null || r.CourseContentId == contentId)
                && (group == null || (r.CourseMemberId == group.CourseMemberId && r.CourseContentId == group.CourseContentId)))
            .ToListAsync(ct);
        return runs.OrderByDescending(r => r.CreatedAt).Take(limit)
            .Select(r => new HistoryEntry(r.Id, r.CreatedAt, ResultView.StatusName(r.Status), r.Grade, r.VersionIdentifier, r.Submit))
            .ToList();
    }
}
