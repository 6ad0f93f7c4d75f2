using System.ComponentModel.DataAnnotations;

namespace Computor.GitLab;

/// <summary>Configuration section <c>GitLab</c>.</summary>
public sealed class GitLabOptions
{
    public const string Section = "GitLab";

    /// <summary>The GitLab instance, e.g. <c>https://gitlab.example.org</c>.</summary>
    [Required] public string Url { get; set; } = "";

    /// <summary>An access token with api scope; sent as PRIVATE-TOKEN, never logged.</summary>
    [Required] public string Token { get; set; } = "";

    /// <summary>First wait before retrying a 429 or 5xx answer (it doubles each time, or follows Retry-After).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(0, 10)] public int Retries { get; set; } = 4;

    /// <summary>How often a fork's import is checked, and how long it may take.</summary>
    public TimeSpan ImportPoll { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ImportTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
