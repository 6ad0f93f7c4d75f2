using System.Security.Claims;
using System.Text.Json;
using Computor.Api.Auth;
using Computor.Api.Testing;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Storage;
using MassTransit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Computor.Api.Submissions;

/// <summary>
/// Uploads of a submission group's work (the client's zip), their listing, and marking one official. Nothing
/// is stored unless the whole upload is acceptable.
/// </summary>
sealed class SubmissionArtifacts(
    ComputorDb db, SubmissionStore store, OfficialSubmissions submissions, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    public sealed record SubmissionCreate(Guid? SubmissionGroupId, string? VersionIdentifier, bool? Submit);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<IResult> Upload(HttpRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        // Read up to twice the limit, so an upload somewhat too large gets a clear 413 rather than a cut connection;
        // beyond that the connection is cut.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = 2 * limit + 1024 * 1024;
        if (!request.HasFormContentType)
            return ApiProblem.BadRequest("UPLOAD_001", "Send multipart/form-data with the parts submission_create and file");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? TooLarge(limit)
                : ApiProblem.BadRequest("UPLOAD_001", "The multipart body could not be read");
        }

        if (Create(form) is not { } create)
            return ApiProblem.Invalid("submission_create", "a JSON object {submission_group_id, version_identifier, submit}");
        if (form.Files.GetFile("file") is not { } file)
            return ApiProblem.Invalid("file", "a .zip of the assignment folder is required");
        if (file.Length > limit)
            return TooLarge(limit);
        if (create.SubmissionGroupId is not { } groupId)
            return ApiProblem.Invalid("submission_group_id", "is required");
        var (version, badVersion) = VersionIdentifier.Parse(create.VersionIdentifier);
        if (badVersion is not null)
            return badVersion;
        if (await VisibleGroup(groupId, caller, ct) is not var (group, member, content))
            return GroupNotFound();

        SubmissionArchive.Repacked archive;
        try
        {
            await using var upload = file.OpenReadStream();
            archive = SubmissionArchive.Sanitize(upload, options.Value.Limits);
        }
        catch (Exception ex) when (ex is SubmissionArchiveException or InvalidDataException or IOException)
        {
            var reason = ex is SubmissionArchiveException ? ex.Message : "the archive is damaged";
            return ApiProblem.BadRequest("UPLOAD_002", $"The archive was refused: {reason}");
        }

        var id = NewId.NextGuid();
        var artifact = new SubmissionArtifact
        {
            Id = id, SubmissionGroupId = group.Id, UploadedByCourseMemberId = member.Id, VersionIdentifier = version,
            ObjectKey = SubmissionStore.Key(id), TotalSize = archive.TotalSize, FilesCount = archive.FilesCount,
            Submit = create.Submit == true, UploadedAt = clock.GetUtcNow(),
        };
        return create.Submit == true
            ? await submissions.Exclusively(member.Id, content.Id, async () =>
                await submissions.Refusal(member.Id, content, ct) ?? await Store(artifact, archive, ct), ct)
            : await Store(artifact, archive, ct);
    }

    public async Task<IResult> List(Guid? groupId, string? version, bool? submit, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (groupId is not { } id)
            return ApiProblem.Invalid("submission_group_id", "is required");
        if (await VisibleGroup(id, caller, ct) is null)
            return GroupNotFound();
        var wanted = version?.Trim().ToLowerInvariant();
        var artifacts = await db.SubmissionArtifacts.AsNoTracking()
            .Where(a => a.SubmissionGroupId == id && (wanted == null || a.VersionIdentifier == wanted) && (submit == null || a.Submit == submit))
            .ToListAsync(ct);
        return Results.Ok(artifacts.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).Select(ArtifactView.Of));
    }

    /// <summary>Marks an artifact as the group's official submission, within <c>max_submissions</c>.</summary>
    public async Task<IResult> MarkSubmitted(Guid id, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (await Visible(id, caller, ct) is not var (artifact, member, content))
            return NotFound();
        if (artifact.Submit)
            return Results.Ok(ArtifactView.Of(artifact));
        return await submissions.Exclusively(member.Id, content.Id, async () =>
        {
            if (await submissions.Refusal(member.Id, content, ct) is { } refused)
                return refused;
            await db.SubmissionArtifacts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Submit, true), ct);
            // Its runs show as the submission too; the count above takes the artifact, not its runs.
            await db.Results.Where(r => r.ArtifactId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Submit, true), ct);
            artifact.Submit = true;
            return Results.Ok(ArtifactView.Of(artifact));
        }, ct);
    }

    /// <summary>The artifact with its member and assignment, if the caller may act for the member.</summary>
    public async Task<(SubmissionArtifact, CourseMember, CourseContent)?> Visible(Guid id, ClaimsPrincipal caller, CancellationToken ct)
    {
        var artifact = await db.SubmissionArtifacts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return artifact is not null && await VisibleGroup(artifact.SubmissionGroupId, caller, ct) is var (_, member, content)
            ? (artifact, member, content)
            : null;
    }

    async Task<(SubmissionGroup, CourseMember, CourseContent)?> VisibleGroup(Guid id, ClaimsPrincipal caller, CancellationToken ct)
    {
        var found = await db.SubmissionGroups.AsNoTracking().Where(g => g.Id == id)
            .Join(db.CourseMembers.AsNoTracking(), g => g.CourseMemberId, m => m.Id, (g, m) => new { Group = g, Member = m })
            .Join(db.CourseContents.AsNoTracking(), x => x.Group.CourseContentId, c => c.Id, (x, c) => new { x.Group, x.Member, Content = c })
            .SingleOrDefaultAsync(ct);
        return found is not null && await caller.MayActFor(db, found.Member, ct) ? (found.Group, found.Member, found.Content) : null;
    }

    async Task<IResult> Store(SubmissionArtifact artifact, SubmissionArchive.Repacked archive, CancellationToken ct)
    {
        await store.Save(artifact.Id, archive.Zip, ct);
        db.SubmissionArtifacts.Add(artifact);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/submissions/artifacts/{artifact.Id}", ArtifactView.Of(artifact));
    }

    static SubmissionCreate? Create(IFormCollection form)
    {
        var text = form.TryGetValue("submission_create", out var value) ? value.ToString() : null;
        if (string.IsNullOrWhiteSpace(text) && form.Files.GetFile("submission_create") is { Length: < 64 * 1024 } part)
            text = new StreamReader(part.OpenReadStream()).ReadToEnd();
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64 * 1024)
            return null;
        try
        {
            return JsonSerializer.Deserialize<SubmissionCreate>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static IResult GroupNotFound() => ApiProblem.Create(StatusCodes.Status404NotFound, "SUBMIT_002", "Submission group not found");

    public static IResult NotFound() => ApiProblem.Create(StatusCodes.Status404NotFound, "SUBMIT_001", "Artifact not found");

    static IResult TooLarge(long limit) =>
        ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "UPLOAD_003", $"The upload is larger than {limit / 1024 / 1024} MB");
}
