using System.Security.Claims;
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
sealed class TestSubmission(ComputorDb db, Persistence.Outbox.Outbox outbox, OfficialSubmissions submissions,
    Submissions.SubmissionArtifacts artifacts, TimeProvider clock)
{
    public async Task<IResult> Submit(TestRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (request.ArtifactId is { } artifactId)
            return await SubmitArtifact(artifactId, caller, ct);
        if (request.CourseContentId is null && request.Directory is null && request.CourseMemberId is null)
            return ApiProblem.BadRequest("SUBMIT_007", "Name an artifact_id, or the course_content_id and version_identifier of a commit");
        var (version, badVersion) = VersionIdentifier.Parse(request.VersionIdentifier);
        if (badVersion is not null)
            return badVersion;
        if (request.Directory is { } dir && !Validation.IsRelativeDirectory(dir))
            return ApiProblem.Invalid("directory", "a relative path without '..' segments");

        var member = await FindMember(request, caller, ct);
        if (member is null)
            return ApiProblem.NotFound("course member");
        if (!await caller.MayActFor(db, member, ct))
            return ApiProblem.Forbidden();

        var contents = db.CourseContents.AsNoTracking().Where(c => c.CourseId == member.CourseId);
        var found = request.CourseContentId is { } contentId
            ? await WithReference(contents.Where(c => c.Id == contentId)).SingleOrDefaultAsync(ct)
            : request.Directory is { } directory
                ? await WithReference(contents.Where(c => c.Directory == directory)).SingleOrDefaultAsync(ct)
                : null;
        if (found is not var (content, testedAgainst))
            return request.CourseContentId is null && request.Directory is null
                ? ApiProblem.Invalid("course_content_id", "is required")
                : ApiProblem.NotFound("course content");
        var (reference, unreleased) = Reference(content, testedAgainst);
        if (unreleased is not null)
            return unreleased;
        var studentRepository = member.Repository.HttpUrlToRepo ?? member.Repository.Url ?? ProjectUrl(request);
        if (studentRepository is null)
            return ApiProblem.BadRequest("SUBMIT_007", "The course member has no repository to test");

        // An official submission counts against max_submissions: the count and the new row must not race another.
        var student = new CodeSource { RepositoryUrl = studentRepository, Commit = version };
        return request.Submit == true
            ? await submissions.Exclusively(member.Id, content.Id, () => Record(request, member, content, reference!, student, version, null, ct), ct)
            : await Record(request, member, content, reference!, student, version, null, ct);
    }

    /// <summary>
    /// A test of an uploaded artifact: its run while one is queued or running; refused once one finished
    /// (<c>SUBMIT_008</c>); a failed or cancelled run may be tried again.
    /// </summary>
    async Task<IResult> SubmitArtifact(Guid artifactId, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (await artifacts.Visible(artifactId, caller, ct) is not var (artifact, member, content))
            return Submissions.SubmissionArtifacts.NotFound();
        var testedAgainst = await WithReference(db.CourseContents.AsNoTracking().Where(c => c.Id == content.Id)).SingleAsync(ct);
        var (reference, unreleased) = Reference(content, testedAgainst.Reference);
        if (unreleased is not null)
            return unreleased;
        var runs = await db.Results.AsNoTracking().Where(r => r.ArtifactId == artifactId).ToListAsync(ct);
        if (runs.FirstOrDefault(r => !ResultView.IsFinal(r.Status)) is { } running)
            return Results.Ok(ResultView.Of(running));
        if (runs.Any(r => r.Status == ResultStatus.Finished))
            return ApiProblem.BadRequest("SUBMIT_008", "This artifact was already tested");
        var request = new TestRequest(member.Id, content.Id, null, null, null, artifact.VersionIdentifier, false, artifactId);
        var recorded = await Record(request, member, content, reference!, new CodeSource { ArtifactKey = artifact.ObjectKey },
            artifact.VersionIdentifier, artifactId, ct);
        // An artifact already marked official: its run shows as the submission (it was counted with the artifact).
        if (artifact.Submit)
            await db.Results.Where(r => r.ArtifactId == artifactId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Submit, true), ct);
        return recorded;
    }

    sealed record ContentToTest(CourseContent Content, string? Reference);

    /// <summary>
    /// Contents with the repository they are tested against, read in the same query: released contents use the
    /// reference repository the release filled; a course set up by hand names its material as the assignments
    /// repository and the commit to test against.
    /// </summary>
    IQueryable<ContentToTest> WithReference(IQueryable<CourseContent> contents) =>
        contents.Join(db.Courses, c => c.CourseId, course => course.Id,
            (c, course) => new ContentToTest(c, course.ReferenceUrl ?? course.AssignmentsUrl));

    /// <summary>The repository a content is tested against, or why it cannot be tested.</summary>
    static (string? Reference, IResult? Problem) Reference(CourseContent content, string? reference)
    {
        if (RunnerQueues.ForBackend(content.ExecutionBackend) is null)
            return (null, ApiProblem.BadRequest("SUBMIT_005", "The assignment has no execution backend that a runner serves"));
        return content.ReleasedCommit is null || reference is null || content.Directory is null
            ? (null, ApiProblem.BadRequest("DEPLOY_001", "The assignment has not been released"))
            : (reference, null);
    }

    /// <summary>The run itself, for a released content (its directory and commit were checked by <see cref="Submit"/>).</summary>
    async Task<IResult> Record(TestRequest request, CourseMember member, CourseContent content, string reference, CodeSource student,
        string version, Guid? artifactId, CancellationToken ct)
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
            Id = NewId.NextGuid(), CourseMemberId = member.Id, CourseContentId = content.Id, VersionIdentifier = version, ArtifactId = artifactId,
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
            Student = student,
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
