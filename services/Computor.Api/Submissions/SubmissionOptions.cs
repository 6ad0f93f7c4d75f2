using Computor.Storage;

namespace Computor.Api.Submissions;

/// <summary>Limits of uploaded submissions (<c>Submissions__*</c>).</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Submissions";

    /// <summary>The zip as sent (CLIENT_API.md: 10 MB).</summary>
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    public int MaxEntries { get; set; } = 1000;
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;
    public long MaxUncompressedBytes { get; set; } = 50L * 1024 * 1024;

    public ArchiveLimits Limits => new() { MaxEntries = MaxEntries, MaxFileBytes = MaxFileBytes, MaxUncompressedBytes = MaxUncompressedBytes };
}
