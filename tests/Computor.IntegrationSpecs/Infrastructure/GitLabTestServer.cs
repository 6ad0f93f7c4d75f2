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
    readonly ConcurrentDictionary<long, int> importPolls = new();
    readonly ConcurrentDictionary<string, bool> heldImports = new();
    readonly ConcurrentDictionary<string, long> users = new();
    readonly ConcurrentDictionary<(long Project, long User), int> members = new();
    readonly ConcurrentDictionary<(long Project, string Branch), bool> protectedBranches = new();
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

    /// <summary>How many times a fork's import reads as still running before it is finished.</summary>
    public int ImportPollsBeforeFinished { get; set; } = 2;

    /// <summary>Whether a client read this fork's import as finished.</summary>
    public bool ImportSeenFinished(string project) =>
        projects.TryGetValue(project, out var p) && importPolls.TryGetValue(p["id"]!.GetValue<long>(), out var polls) && polls > ImportPollsBeforeFinished;

    /// <summary>Forks to this path read as still importing until <see cref="FinishImport"/>.</summary>
    public void HoldImport(string project) => heldImports[project] = true;

    public void FinishImport(string project) => heldImports.TryRemove(project, out _);

    public long AddUser(string username) => users.GetOrAdd(username, _ => Interlocked.Increment(ref nextId));

    public int? AccessLevel(string project, long user) =>
        projects.TryGetValue(project, out var p) && members.TryGetValue((p["id"]!.GetValue<long>(), user), out var level) ? level : null;

    public bool IsProtected(string project, string branch) =>
        projects.TryGetValue(project, out var p) && protectedBranches.ContainsKey((p["id"]!.GetValue<long>(), branch));

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
        app.MapGet("/api/v4/projects/{id:long}/import", (long id) => Import(id));
        app.MapPost("/api/v4/projects/{id:long}/fork", (long id, JsonObject body) => Fork(id, body));
        app.MapPost("/api/v4/projects/{id:long}/members", (long id, JsonObject body) =>
            members.TryAdd((id, body["user_id"]!.GetValue<long>()), body["access_level"]!.GetValue<int>())
                ? Results.Json(new { id = body["user_id"]!.GetValue<long>(), access_level = body["access_level"]!.GetValue<int>() }, statusCode: 201)
                : Results.Json(new { message = "Member already exists" }, statusCode: 409));
        app.MapPut("/api/v4/projects/{id:long}/members/{user:long}", (long id, long user, JsonObject body) =>
        {
            if (!members.ContainsKey((id, user)))
                return Results.Json(new { message = "404 Member Not Found" }, statusCode: 404);
            members[(id, user)] = body["access_level"]!.GetValue<int>();
            return Results.Json(new { id = user, access_level = members[(id, user)] });
        });
        app.MapDelete("/api/v4/projects/{id:long}/protected_branches/{branch}", (long id, string branch) =>
            protectedBranches.TryRemove((id, branch), out _) ? Results.NoContent() : Results.Json(new { message = "404 Not found" }, statusCode: 404));
        app.MapGet("/api/v4/users", (string username) =>
            Results.Json(users.TryGetValue(username, out var user) ? new JsonArray(new JsonObject { ["id"] = user, ["username"] = username }) : new JsonArray()));
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

    IResult CreateProject(JsonObject body, string? forkOf = null)
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
        if (forkOf is null)
            LibGit2Sharp.Repository.Init(repository, isBare: true);
        else
            CopyRepository(forkOf, repository);
        protectedBranches[(project["id"]!.GetValue<long>(), "main")] = true;
        return Results.Json(project, statusCode: 201);
    }

    IResult Fork(long id, JsonObject body)
    {
        var source = projects.Values.FirstOrDefault(p => p["id"]!.GetValue<long>() == id);
        if (source is null)
            return Results.Json(new { message = "404 Project Not Found" }, statusCode: 404);
        var created = CreateProject(body, new Uri(source["http_url_to_repo"]!.GetValue<string>()).LocalPath);
        if (created is IValueHttpResult { Value: JsonObject fork })
        {
            fork["import_status"] = "scheduled";
            importPolls[fork["id"]!.GetValue<long>()] = 0;
        }
        return created;
    }

    IResult Import(long id)
    {
        var project = projects.Values.FirstOrDefault(p => p["id"]!.GetValue<long>() == id);
        if (project is null)
            return Results.Json(new { message = "404 Project Not Found" }, statusCode: 404);
        var status = !importPolls.ContainsKey(id) ? "none"
            : heldImports.ContainsKey(project["path_with_namespace"]!.GetValue<string>()) ? "started"
            : importPolls.AddOrUpdate(id, 1, (_, n) => n + 1) > ImportPollsBeforeFinished ? "finished" : "started";
        return Results.Json(new { id, import_status = status, import_error = (string?)null });
    }

    /// <summary>A fork holds the same branches as its source: the bare repository copied as it is.</summary>
    static void CopyRepository(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    static bool ValidPath(string path) => path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    static IResult Invalid(string field, string problem) =>
        Results.Json(new JsonObject { ["message"] = new JsonObject { [field] = new JsonArray(problem) } }, statusCode: 400);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(repositories, recursive: true);
    }
}
