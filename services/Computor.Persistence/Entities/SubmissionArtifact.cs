namespace Computor.Persistence.Entities;

/// <summary>An uploaded version of a submission group's work, sanitized and kept in object storage.</summary>
public sealed class SubmissionArtifact
{
    public Guid Id { get; set; }
    public Guid SubmissionGroupId { get; set; }
    public Guid UploadedByCourseMemberId { get; set; }
    public required string VersionIdentifier { get; set; }
    public required string ObjectKey { get; set; }
    public long TotalSize { get; set; }
    public int FilesCount { get; set; }
    /// <summary>The official submission of its group (counts against <c>max_submissions</c>).</summary>
    public bool Submit { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
