using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.GitLab;

/// <summary>
/// The GitLab REST API v4 calls releases make, each idempotent: "ensure" finds by full path and creates
/// only what is missing. Retries of 429 and 5xx answers happen in the HTTP pipeline (see
/// <see cref="GitLabExtensions"/>); what still fails becomes a <see cref="GitLabException"/> naming the step.
/// </summary>
public sealed class GitLabClient(HttpClient http, GitLabOptions options)
{
    /// <summary>GitLab's access level of a Maintainer.</summary>
    public const int Maintainer = 40;

    public async Task<GitLabGroup> EnsureGroup(string path, string name, GitLabGroup? parent, CancellationToken cancellationToken)
    {
        var fullPath = parent is null ? path : $"{parent.FullPath}/{path}";
        return await Find<GitLabGroup>($"groups/{Uri.EscapeDataString(fullPath)}", $"find group {fullPath}", cancellationToken)
            ?? await Send<GitLabGroup>(HttpMethod.Post, "groups", new { name, path, parent_id = parent?.Id, visibility = "private" },
                $"create group {fullPath}", cancellationToken);
    }

    public async Task<GitLabProject> EnsureProject(string path, string name, GitLabGroup group, CancellationToken cancellationToken)
    {
        var fullPath = $"{group.FullPath}/{path}";
        return await Find<GitLabProject>($"projects/{Uri.EscapeDataString(fullPath)}", $"find project {fullPath}", cancellationToken)
            ?? await Send<GitLabProject>(HttpMethod.Post, "projects", new { name, path, namespace_id = group.Id, visibility = "private", initialize_with_readme = false },
                $"create project {fullPath}", cancellationToken);
    }

    /// <summary>
    /// The student's fork of the template in the students group, made if missing and waited for until
    /// GitLab has finished importing it (a fork is empty until then).
    /// </summary>
    public async Task<GitLabProject> EnsureFork(GitLabProject template, GitLabGroup students, string path, string name, CancellationToken cancellationToken)
    {
        var fullPath = $"{students.FullPath}/{path}";
        var fork = await Find<GitLabProject>($"projects/{Uri.EscapeDataString(fullPath)}", $"find project {fullPath}", cancellationToken)
            ?? await Send<GitLabProject>(HttpMethod.Post, $"projects/{template.Id}/fork", new { namespace_id = students.Id, path, name },
                $"fork {template.PathWithNamespace} to {fullPath}", cancellationToken);
        await WaitForImport(fork, cancellationToken);
        return fork;
    }

    async Task WaitForImport(GitLabProject project, CancellationToken cancellationToken)
    {
        var step = $"wait for the fork {project.PathWithNamespace}";
        var deadline = DateTimeOffset.UtcNow + options.ImportTimeout;
        while (true)
        {
            var import = await Find<JsonObject>($"projects/{project.Id}/import", step, cancellationToken)
                ?? throw new GitLabException($"{step}: the project is gone");
            switch (import["import_status"]?.GetValue<string>())
            {
                case "finished" or "none":
                    return;
                case "failed":
                    throw new GitLabException($"{step}: GitLab reports the import failed: {import["import_error"]}");
            }
            if (DateTimeOffset.UtcNow > deadline)
                throw new GitLabException($"{step}: not finished after {options.ImportTimeout.TotalSeconds:0} s");
            await Task.Delay(options.ImportPoll, cancellationToken);
        }
    }

    /// <summary>Gives a user an access level on a project; a member who is there already gets that level.</summary>
    public async Task EnsureMember(GitLabProject project, long userId, int accessLevel, CancellationToken cancellationToken)
    {
        var step = $"add user {userId} to {project.PathWithNamespace}";
        using var response = await Call(() => http.PostAsJsonAsync($"projects/{project.Id}/members", new { user_id = userId, access_level = accessLevel }, cancellationToken), step);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            await Read<JsonObject>(response, step, cancellationToken);
            return;
        }
        await Send<JsonObject>(HttpMethod.Put, $"projects/{project.Id}/members/{userId}", new { access_level = accessLevel },
            $"set the access of user {userId} on {project.PathWithNamespace}", cancellationToken);
    }

    /// <summary>Lets students push to the branch; a branch that is not protected is fine.</summary>
    public async Task Unprotect(GitLabProject project, string branch, CancellationToken cancellationToken)
    {
        var step = $"unprotect {branch} of {project.PathWithNamespace}";
        using var response = await Call(() => http.DeleteAsync($"projects/{project.Id}/protected_branches/{Uri.EscapeDataString(branch)}", cancellationToken), step);
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.NoContent))
            await Read<JsonObject>(response, step, cancellationToken);
    }

    /// <summary>The GitLab user with this username, or null.</summary>
    public async Task<long?> FindUser(string username, CancellationToken cancellationToken)
    {
        var users = await Find<JsonArray>($"users?username={Uri.EscapeDataString(username)}", $"find user {username}", cancellationToken);
        return users?.FirstOrDefault()?["id"]?.GetValue<long>();
    }

    async Task<T?> Find<T>(string resource, string step, CancellationToken cancellationToken) where T : class
    {
        using var response = await Call(() => http.GetAsync(resource, cancellationToken), step);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        return await Read<T>(response, step, cancellationToken);
    }

    async Task<T> Send<T>(HttpMethod method, string resource, object body, string step, CancellationToken cancellationToken) where T : class
    {
        using var response = await Call(() => http.SendAsync(new HttpRequestMessage(method, resource) { Content = JsonContent.Create(body) }, cancellationToken), step);
        return await Read<T>(response, step, cancellationToken) ?? throw new GitLabException($"{step}: GitLab sent an empty answer");
    }

    static async Task<HttpResponseMessage> Call(Func<Task<HttpResponseMessage>> call, string step)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e)
        {
            throw new GitLabException($"{step}: GitLab cannot be reached ({e.Message})");
        }
    }

    static async Task<T?> Read<T>(HttpResponseMessage response, string step, CancellationToken cancellationToken) where T : class
    {
        if (!response.IsSuccessStatusCode)
            throw new GitLabException($"{step}: GitLab answered {(int)response.StatusCode} {response.ReasonPhrase}: {await Message(response, cancellationToken)}");
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (JsonException e)
        {
            throw new GitLabException($"{step}: GitLab's answer is not what its API documents ({e.Message})");
        }
    }

    /// <summary>GitLab puts its reason into <c>message</c> (text or an object of field errors) or <c>error</c>.</summary>
    static async Task<string> Message(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var json = JsonNode.Parse(text);
            return (json?["message"] ?? json?["error"])?.ToJsonString().Trim('"') ?? text;
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
