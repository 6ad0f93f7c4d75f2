using System.Text.Json.Serialization;

namespace Computor.GitLab;

/// <summary>A group as GitLab's API returns it (the fields we use).</summary>
public sealed record GitLabGroup(
    long Id,
    string Name,
    string Path,
    [property: JsonPropertyName("full_path")] string FullPath,
    [property: JsonPropertyName("parent_id")] long? ParentId,
    [property: JsonPropertyName("web_url")] string? WebUrl);
