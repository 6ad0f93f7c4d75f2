using Computor.Api.Testing;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Storage;
using Microsoft.EntityFrameworkCore;
using static Computor.Api.Students.StudentViews;

namespace Computor.Api.Students;

/// <summary>
/// A member's view of their courses' released contents: each assignment with its submission group, the
/// latest result and how many runs and submissions were used.
/// </summary>
sealed class StudentContents(ComputorDb db, ResultReports reports, ResultArtifacts artifacts, TimeProvider clock)
{
    public async Task<IReadOnlyList<StudentContent>> List(Guid userId, Guid? courseId, Guid? contentId, CancellationToken ct)
    {
        var members = await db.CourseMembers.AsNoTracking()
            .Where(m => m.UserId == userId && (courseId == null || m.CourseId == courseId)).ToListAsync(ct);
        if (members.Count == 0)
            return [];
        var courseIds = members.Select(m => m.CourseId).ToList();
        var memberIds = members.Select(m => m.Id).ToList();
        // Students see what was released; units have no commit of their own.
        var contents = await db.CourseContents.AsNoTracking()
            .Where(c => courseIds.Contains(c.CourseId) && (contentId == null || c.Id == contentId)
                && (c.Kind == CourseContentKinds.Unit || c.ReleasedCommit != null))
            .ToListAsync(ct);
        var results = await db.Results.AsNoTracking()
            .Where(r => memberIds.Contains(r.CourseMemberId) && (contentId == null || r.CourseContentId == contentId))
            .ToListAsync(ct);
        var providers = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id))
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, o.GitProvider })
            .ToDictionaryAsync(c => c.Id, c => c.GitProvider, ct);
        var groups = await Groups(members, contents, ct);
        var groupIds = groups.Values.Select(g => g.Id).ToList();
        var submittedGroups = await db.SubmissionArtifacts.AsNoTracking()
            .Where(a => a.Submit && groupIds.Contains(a.SubmissionGroupId)).Select(a => a.SubmissionGroupId).Distinct().ToListAsync(ct);

        return contents
            .OrderBy(c => c.CourseId).ThenBy(c => c.Position).ThenBy(c => c.Path, StringComparer.Ordinal)
            .Select(content =>
            {
                var member = members.Single(m => m.CourseId == content.CourseId);
                var runs = results.Where(r => r.CourseMemberId == member.Id && r.CourseContentId == content.Id)
                    .OrderByDescending(r => r.CreatedAt).ToList();
                var group = groups.GetValueOrDefault(content.Id) is { } g
                    ? new Group(g.Id, 1, content.MaxSubmissions, content.Directory, RepositoryOf(member, providers[content.CourseId]))
                    : null;
                return new StudentContent(content.Id, content.Title, content.Path, content.CourseId, content.Position, TypeOf(content), content.Kind,
                    content.Kind == CourseContentKinds.Assignment ? content.ExecutionBackend : null, content.Directory, content.MaxTestRuns,
                    runs.Count,
                    runs.Any(r => r.Submit && r.Status is not (ResultStatus.Failed or ResultStatus.Cancelled or ResultStatus.Crashed))
                    || (group is not null && submittedGroups.Contains(group.Id)),
                    runs.FirstOrDefault() is { } latest ? LatestResult.Of(latest) : null, group);
            })
            .ToList();
    }

    /// <summary>One content with its latest result's report and artifacts, as the client's detail view reads it.</summary>
    public async Task<StudentContent?> One(Guid userId, Guid id, CancellationToken ct)
    {
        if ((await List(userId, null, id, ct)).SingleOrDefault() is not { } content)
            return null;
        if (content.Result is null)
            return content;
        var result = await db.Results.AsNoTracking().SingleAsync(r => r.Id == content.Result.Id, ct);
        var view = ResultView.Of(result, await reports.Report(result, ct));
        return content with { Result = content.Result with { ResultJson = view.ResultJson, ResultArtifacts = await artifacts.Of(result, ct) } };
    }

    static GroupRepository? RepositoryOf(CourseMember member, string provider) => member.Repository.HttpUrlToRepo is { } clone
        ? new GroupRepository(provider, member.Repository.Url ?? clone, member.Repository.FullPath, clone, member.Repository.WebUrl)
        : null;

    /// <summary>The member's submission group of each assignment, made the first time the member sees it.</summary>
    async Task<Dictionary<Guid, SubmissionGroup>> Groups(List<CourseMember> members, List<CourseContent> contents, CancellationToken ct)
    {
        var memberIds = members.Select(m => m.Id).ToList();
        var assignments = contents.Where(c => c.Kind == CourseContentKinds.Assignment).ToList();
        var existing = await db.SubmissionGroups.AsNoTracking().Where(g => memberIds.Contains(g.CourseMemberId)).ToListAsync(ct);
        var missing = assignments.Where(a => existing.All(g => g.CourseContentId != a.Id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var assignment in missing)
                db.SubmissionGroups.Add(new SubmissionGroup
                {
                    CourseContentId = assignment.Id, CourseMemberId = members.Single(m => m.CourseId == assignment.CourseId).Id,
                    CreatedAt = clock.GetUtcNow(),
                });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // A parallel request of the same member made them first.
            }
            db.ChangeTracker.Clear();
            existing = await db.SubmissionGroups.AsNoTracking().Where(g => memberIds.Contains(g.CourseMemberId)).ToListAsync(ct);
        }
        return existing.Where(g => assignments.Any(a => a.Id == g.CourseContentId)).ToDictionary(g => g.CourseContentId);
    }
}
