using Computor.Persistence.Entities;

namespace Computor.Api.Submissions;

/// <summary>An uploaded artifact as the client reads it; <c>artifacts</c> lists its id, as the original API did.</summary>
public sealed record ArtifactView(Guid Id, Guid[] Artifacts, Guid SubmissionGroupId, Guid UploadedByCourseMemberId, long TotalSize,
    int FilesCount, DateTimeOffset UploadedAt, string VersionIdentifier, bool Submit)
{
    public static ArtifactView Of(SubmissionArtifact a) =>
        new(a.Id, [a.Id], a.SubmissionGroupId, a.UploadedByCourseMemberId, a.TotalSize, a.FilesCount, a.UploadedAt, a.VersionIdentifier, a.Submit);
}
