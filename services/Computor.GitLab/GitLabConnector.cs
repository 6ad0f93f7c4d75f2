using Microsoft.Extensions.Options;

namespace Computor.GitLab;

/// <summary>Clients for a GitLab instance and token: each organization brings its own.</summary>
public sealed class GitLabConnector(IHttpClientFactory factory, IOptions<GitLabOptions> options)
{
    public const string HttpClientName = "gitlab";

    public GitLabClient Connect(string url, string token)
    {
        var http = factory.CreateClient(HttpClientName);
        http.BaseAddress = new Uri(url.TrimEnd('/') + "/api/v4/");
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
        return new GitLabClient(http, options.Value);
    }
}
