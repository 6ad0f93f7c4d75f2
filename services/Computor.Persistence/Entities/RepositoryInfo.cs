namespace Computor.Persistence.Entities;

/// <summary>The student's repository as the git server describes it (GitLab project fields).</summary>
public sealed class RepositoryInfo
{
    public string? Url { get; set; }
    public string? FullPath { get; set; }
    public string? WebUrl { get; set; }
    public string? HttpUrlToRepo { get; set; }
    public long? ProjectId { get; set; }
}
