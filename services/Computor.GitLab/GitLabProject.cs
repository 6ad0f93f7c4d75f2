using System.Text.Json.Serialization;

namespace Computor.GitLab;

/// <summary>A project as GitLab's API returns it (the fields we use and store on course members).</summary>
public sealed record GitLabProject(
    long Id,
    string Name,
    string Path,
    [property: JsonPropertyName("path_with_namespace")] string PathWithNamespace,
    [property: JsonPropertyName("http_url_to_repo")] string HttpUrlToRepo,
    [property: JsonPropertyName("web_url")] string? WebUrl,
    [property: JsonPropertyName("default_branch")] string? DefaultBranch);
