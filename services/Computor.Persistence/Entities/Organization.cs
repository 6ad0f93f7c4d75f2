using System.Text.Json.Serialization;

namespace Computor.Persistence.Entities;

public sealed class Organization
{
    public Guid Id { get; set; }
    public required string Path { get; set; }
    public required string Title { get; set; }

    /// <summary>Where the organization's course repositories live: <c>gitlab</c> or <c>local</c>.</summary>
    public string GitProvider { get; set; } = GitProviders.Local;

    /// <summary>The organization's GitLab instance, e.g. <c>https://gitlab.example.org</c>.</summary>
    public string? GitlabUrl { get; set; }

    /// <summary>The organization's GitLab token, encrypted by <see cref="Secrets.TokenCipher"/>; never sent out.</summary>
    [JsonIgnore]
    public string? GitlabTokenCipher { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
