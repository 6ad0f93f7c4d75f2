using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// A GitLab for specs: the subset of REST API v4 releases call, with the JSON shapes GitLab documents,
/// projects backed by real bare git repositories. It can be told to fail the next requests (5xx, 429).
/// </summary>
sealed class GitLabTestServer : IAsyncDisposable
{
    public const string Token = "glpat-specs-0123456789";

    readonly WebApplication app;
    readonly string repositories = Directory.CreateTempSubdirectory("computor-gitlab-").FullName;
    readonly ConcurrentDictionary<string, JsonObject> groups = new();
    readonly ConcurrentDictionary<string, JsonObject> projects = new();
    readonly ConcurrentQueue<(int Status, string? RetryAfter)> faults = new();
    long nextId = 100;
    int requests;

    GitLabTestServer(WebApplication app, string url) => (this.app, Url) = (app, url);

    public string Url { get; private set; }

    /// <summary>Requests that reached the API (after authentication), failed ones included.</summary>
    public int Requests => requests;

    public static async Task<GitLabTestServer> Start()
    {
        var url = $"http://127.0.0.1:{Shell.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var server = new GitLabTestServer(builder.Build(), url);
        server.Map();
        await server.app.StartAsync();
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests fail with this status.</summary>
    public void Fail(int status, int times, string? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
            faults.Enqueue((status, retryAfter));
    }

    void Map()
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers["PRIVATE-TOKEN"] != Token)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { message = "401 Unauthorized" });
                return;
            }
            Interlocked.Increment(ref requests);
            if (faults.TryDequeue(out var fault))
            {
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfter is not null)
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                await context.Response.WriteAsJsonAsync(new { message = $"{fault.Status} injected by the spec" });
                return;
            }
            await next();
        });
        app.MapGet("/api/v4/groups/{*id}", (string id) => Lookup(groups, id));
        app.MapGet("/api/v4/projects/{*id}", (string id) => Lookup(projects, id));
        app.MapPost("/api/v4/groups", (JsonObject body) => CreateGroup(body));
        app.MapPost("/api/v4/projects", (JsonObject body) => CreateProject(body));
    }

    static IResult Lookup(ConcurrentDictionary<string, JsonObject> items, string id)
    {
        var key = Uri.UnescapeDataString(id);
        var found = items.TryGetValue(key, out var item) ? item : items.Values.FirstOrDefault(i => i["id"]!.ToString() == key);
        return found is null ? Results.Json(new { message = "404 Not Found" }, statusCode: 404) : Results.Json(found);
    }

    IResult CreateGroup(JsonObject body)
    {
        var path = body["path"]?.GetValue<string>() ?? "";
        if (!ValidPath(path))
            return Invalid("path", "is invalid");
        var parent = body["parent_id"]?.GetValue<long>() is { } parentId ? groups.Values.FirstOrDefault(g => g["id"]!.GetValue<long>() == parentId) : null;
        var fullPath = parent is null ? path : $"{parent["full_path"]}/{path}";
        var group = new JsonObject
        {
            ["id"] = Interlocked.Increment(ref nextId), ["name"] = body["name"]?.GetValue<string>() ?? path, ["path"] = path,
            ["full_path"] = fullPath, ["parent_id"] = parent?["id"]?.GetValue<long>(), ["web_url"] = $"{Url}/groups/{fullPath}",
        };
        return groups.TryAdd(fullPath, group) ? Results.Json(group, statusCode: 201) : Invalid("path", "has already been taken");
    }

    IResult CreateProject(JsonObject body)
    {
        var path = body["path"]?.GetValue<string>() ?? "";
        var group = groups.Values.FirstOrDefault(g => g["id"]!.GetValue<long>() == body["namespace_id"]?.GetValue<long>());
        if (!ValidPath(path) || group is null)
            return Invalid(group is null ? "namespace" : "path", "is invalid");
        var fullPath = $"{group["full_path"]}/{path}";
        var repository = Path.Combine(repositories, fullPath + ".git");
        var project = new JsonObject
        {
            ["id"] = Interlocked.Increment(ref nextId), ["name"] = body["name"]?.GetValue<string>() ?? path, ["path"] = path,
            ["path_with_namespace"] = fullPath, ["http_url_to_repo"] = new Uri(repository).AbsoluteUri,
            ["web_url"] = $"{Url}/{fullPath}", ["default_branch"] = "main",
        };
        if (!projects.TryAdd(fullPath, project))
            return Invalid("path", "has already been taken");
        LibGit2Sharp.Repository.Init(repository, isBare: true);
        return Results.Json(project, statusCode: 201);
    }

    static bool ValidPath(string path) => path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    static IResult Invalid(string field, string problem) =>
        Results.Json(new JsonObject { ["message"] = new JsonObject { [field] = new JsonArray(problem) } }, statusCode: 400);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var file in new DirectoryInfo(repositories).EnumerateFiles("*", SearchOption.AllDirectories))
            file.Attributes = FileAttributes.Normal;
        Directory.Delete(repositories, recursive: true);
    }
}
