using System.Security.Claims;
using System.Text.RegularExpressions;
using Computor.Api.Auth;
using Computor.Contracts.Testing;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Testing;

/// <summary>
/// Turns a test request into a queued result and its <see cref="SubmitStudentTest"/> command, committed in one
/// transaction through the outbox. Returns the existing run when one is queued, running or finished; with
/// <c>submit</c>, that run becomes the official submission (within <c>max_submissions</c>).
/// </summary>
sealed partial class TestSubmission(ComputorDb db, Persistence.Outbox.Outbox outbox, OfficialSubmissions submissions, TimeProvider clock)
{
    [GeneratedRegex("^[0-9a-f]{7,64}$")]
    private static partial Regex GitCommit();

    public async Task<IResult> Submit(TestRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        var version = request.VersionIdentifier?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(version))
            return ApiProblem.BadRequest("SUBMIT_006", "version_identifier is required");
        if (!GitCommit().IsMatch(version))
            return ApiProblem.Invalid("version_identifier", "a git commit id (7 to 64 hexadecimal digits)");
        if (request.Directory is { } dir && !Validation.IsRelativeDirectory(dir))
            return ApiProblem.Invalid("directory", "a relative path without '..' segments");

        var member = await FindMember(request, caller, ct);
        if (member is null)
            return ApiProblem.NotFound("course member");
        if (!await caller.MayActFor(db, member, ct))
            return ApiProblem.Forbidden();

        var content = request.CourseContentId is { } contentId
            ? await db.CourseContents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contentId && c.CourseId == member.CourseId, ct)
            : request.Directory is { } directory
                ? await db.CourseContents.AsNoTracking().SingleOrDefaultAsync(c => c.CourseId == member.CourseId && c.Directory == directory, ct)
                : null;
        if (content is null)
            return request.CourseContentId is null && request.Directory is null
                ? ApiProblem.Invalid("course_content_id", "is required")
                : ApiProblem.NotFound("course content");
        if (RunnerQueues.ForBackend(content.ExecutionBackend) is null)
            return ApiProblem.BadRequest("SUBMIT_005", "The assignment has no execution backend that a runner serves");
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == content.CourseId, ct);
        // Released contents are tested against the reference repository the release filled; a course set up by
        // hand names its material as the assignments repository and the commit to test against.
        var reference = course.ReferenceUrl ?? course.AssignmentsUrl;
        if (content.ReleasedCommit is null || reference is null || content.Directory is null)
            return ApiProblem.BadRequest("DEPLOY_001", "The assignment has not been released");
        var studentRepository = member.Repository.HttpUrlToRepo ?? member.Repository.Url ?? ProjectUrl(request);
        if (studentRepository is null)
            return ApiProblem.BadRequest("SUBMIT_007", "The course member has no repository to test");

        // An official submission counts against max_submissions: the count and the new row must not race another.
        return request.Submit == true
            ? await submissions.Exclusively(member.Id, content.Id, () => Record(request, member, content, reference, studentRepository, version, ct), ct)
            : await Record(request, member, content, reference, studentRepository, version, ct);
    }

    /// <summary>The run itself, for a released content (its directory and commit were checked by <see cref="Submit"/>).</summary>
    async Task<IResult> Record(TestRequest request, CourseMember member, CourseContent content, string reference, string studentRepository,
        string version, CancellationToken ct)
    {
        if (await ActiveRun(member.Id, content.Id, version, ct) is { } existing)
            return request.Submit == true ? await submissions.Mark(existing, ct) : Results.Ok(ResultView.Of(existing));
        if (request.Submit == true && await submissions.Refusal(member.Id, content, ct) is { } refused)
            return refused;
        if (content.MaxTestRuns is { } max
            && await db.Results.CountAsync(r => r.CourseMemberId == member.Id && r.CourseContentId == content.Id
                && r.Status != ResultStatus.Cancelled, ct) >= max)
            return ApiProblem.BadRequest("SUBMIT_004", $"The maximum of {max} test runs is reached");

        var now = clock.GetUtcNow();
        var result = new Result
        {
            Id = NewId.NextGuid(), CourseMemberId = member.Id, CourseContentId = content.Id, VersionIdentifier = version,
            Submit = request.Submit ?? false, Status = ResultStatus.Queued, TestSystemId = NewId.NextGuid(), CreatedAt = now,
        };
        db.Results.Add(result);
        outbox.Send(SystemQueues.Address(SystemQueues.StudentTests), new SubmitStudentTest
        {
            CorrelationId = result.TestSystemId,
            ResultId = result.Id,
            Assignment = new TestAssignment
            {
                CourseContentId = content.Id,
                Directory = content.Directory!,
                ExecutionBackend = content.ExecutionBackend!,
                Reference = new CodeSource { RepositoryUrl = reference, Commit = content.ReleasedCommit! },
            },
            Student = new CodeSource { RepositoryUrl = studentRepository, Commit = version },
            Limits = new TestLimits { TimeoutSeconds = content.TimeoutSeconds ?? 180, MemoryLimitMb = content.MemoryLimitMb },
            Priority = result.Submit ? RunnerQueues.OfficialSubmission : RunnerQueues.TestRequest,
            Submit = result.Submit,
            SubmittedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // An identical request won the race; answer with its run, as if we had seen it first.
            db.ChangeTracker.Clear();
            if (await ActiveRun(member.Id, content.Id, version, ct) is { } winner)
                return Results.Ok(ResultView.Of(winner));
            throw;
        }
        return Results.Created($"/results/{result.Id}", ResultView.Of(result));
    }

    async Task<CourseMember?> FindMember(TestRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (request.CourseMemberId is { } memberId)
            return await db.CourseMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (request.CourseContentId is not { } contentId)
            return null;
        var userId = caller.UserId();
        return await db.CourseMembers.AsNoTracking()
            .Where(m => m.UserId == userId && db.CourseContents.Any(c => c.Id == contentId && c.CourseId == m.CourseId))
            .SingleOrDefaultAsync(ct);
    }

    Task<Result?> ActiveRun(Guid memberId, Guid contentId, string version, CancellationToken ct) =>
        db.Results.AsNoTracking().Where(r => r.CourseMemberId == memberId && r.CourseContentId == contentId
                && r.VersionIdentifier == version
                && (r.Status == ResultStatus.Finished || r.Status == ResultStatus.Scheduled || r.Status == ResultStatus.Queued
                    || r.Status == ResultStatus.Started || r.Status == ResultStatus.Deferred))
            .SingleOrDefaultAsync(ct);

    /// <summary>The legacy body names the repository as <c>provider_url</c> + <c>project</c>.</summary>
    static string? ProjectUrl(TestRequest request) =>
        request.ProviderUrl is { } provider && request.Project is { } project
        && Uri.TryCreate($"{provider.TrimEnd('/')}/{project.Trim('/')}.git", UriKind.Absolute, out var url)
        && url.Scheme is "http" or "https" && url.UserInfo.Length == 0
            ? url.ToString()
            : null;
}
