using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Testing;

/// <summary>
/// Official submissions (<c>submit = true</c>) of a member for an assignment, capped by its
/// <c>max_submissions</c>. A run that failed or was cancelled gave no grade, so it does not use one up.
/// </summary>
sealed class OfficialSubmissions(ComputorDb db)
{
    public const string LimitReached = "Submission limit reached";

    /// <summary>The answer refusing one more official submission, or null when it is allowed.</summary>
    public async Task<IResult?> Refusal(Guid memberId, CourseContent content, CancellationToken ct)
    {
        if (content.MaxSubmissions is not { } max)
            return null;
        // A commit marked official, or an uploaded artifact marked official: each uses one up.
        var used = await db.Results.CountAsync(r => r.CourseMemberId == memberId && r.CourseContentId == content.Id && r.Submit
            && r.ArtifactId == null
            && r.Status != ResultStatus.Failed && r.Status != ResultStatus.Cancelled && r.Status != ResultStatus.Crashed, ct)
            + await db.SubmissionArtifacts.CountAsync(a => a.Submit && db.SubmissionGroups.Any(g => g.Id == a.SubmissionGroupId
                && g.CourseMemberId == memberId && g.CourseContentId == content.Id), ct);
        return used >= max ? ApiProblem.BadRequest("SUBMIT_009", $"{LimitReached} ({max})") : null;
    }

    /// <summary>
    /// Runs the work in a transaction holding a lock on this member's submissions of this assignment, so two
    /// requests at once cannot both take the last submission.
    /// </summary>
    public async Task<IResult> Exclusively(Guid memberId, Guid contentId, Func<Task<IResult>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = $"submissions:{memberId:N}:{contentId:N}";
        await db.LockForTransaction(key, ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Marks a tested version as the official submission; marking it twice is fine.</summary>
    public async Task<IResult> Mark(Result result, CancellationToken ct)
    {
        if (result.Submit)
            return Results.Ok(ResultView.Of(result));
        if (result.Status is ResultStatus.Failed or ResultStatus.Cancelled or ResultStatus.Crashed)
            return ApiProblem.BadRequest("SUBMIT_010", "A run that failed or was cancelled cannot be the official submission; test again");
        var content = await db.CourseContents.AsNoTracking().SingleAsync(c => c.Id == result.CourseContentId, ct);
        if (await Refusal(result.CourseMemberId, content, ct) is { } refused)
            return refused;
        await db.Results.Where(r => r.Id == result.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Submit, true), ct);
        result.Submit = true;
        return Results.Ok(ResultView.Of(result));
    }
}
