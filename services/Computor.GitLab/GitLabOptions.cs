using System.ComponentModel.DataAnnotations;

namespace Computor.GitLab;

/// <summary>
/// Configuration section <c>GitLab</c>: how GitLab is called. Which GitLab, and with which token, is the
/// organization's (stored encrypted with it).
/// </summary>
public sealed class GitLabOptions
{
    public const string Section = "GitLab";

    /// <summary>First wait before retrying a 429 or 5xx answer (it doubles each time, or follows Retry-After).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(0, 10)] public int Retries { get; set; } = 4;

    /// <summary>How often a fork's import is checked, and how long it may take.</summary>
    public TimeSpan ImportPoll { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ImportTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
