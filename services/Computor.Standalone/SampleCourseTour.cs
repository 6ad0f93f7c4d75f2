using System.Net;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Computor.Standalone;

/// <summary>
/// A course's life through the HTTP API, as a lecturer and a student live it: deploy a course whose
/// repositories the API serves, push the sample course's material, release it and one student, push a wrong
/// and a correct attempt at each assignment as the student, request the tests and follow them to their grades.
/// </summary>
public sealed class SampleCourseTour(Uri api, string adminToken, TextWriter output)
{
    public const string Student = "ada";
    static readonly string[] Attempts = ["wrong", "correct"];
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    static string Samples => Path.Combine(AppContext.BaseDirectory, "samples", "python-course");

    public async Task<IReadOnlyList<GradedAttempt>> Run(CancellationToken ct)
    {
        using var admin = Client(adminToken);
        using var work = new TemporaryFolder();
        var lecturerGit = new TourGit(adminToken);

        output.WriteLine("Deploying the course sample/python/basics (repositories served by this host at /git) ...");
        var deployed = await Post(admin, "/system/deploy", new StringContent(
            "organization: {path: sample, title: Sample University}\n" +
            "course_family: {path: python, title: Python}\n" +
            "course: {path: basics, title: Python basics}\n", Encoding.UTF8, "application/yaml"), ct);
        await FollowTask(admin, Id(deployed), ct);
        var course = deployed["course_id"]!.GetValue<string>();

        var assignmentsUrl = (await Get(admin, $"/courses/{course}", ct))["assignments_url"]!.GetValue<string>();
        var material = Path.Combine(work.Path, "material");
        await lecturerGit.Run(null, "clone", "-q", assignmentsUrl, material);
        await lecturerGit.Run(material, "symbolic-ref", "HEAD", "refs/heads/main");
        CopyInto(Path.Combine(Samples, "material"), material);
        await lecturerGit.Commit(material, "Sample course: Python basics");
        await lecturerGit.Run(material, "push", "-q", "origin", "HEAD:main");

        output.WriteLine("Releasing the assignments and the student ada ...");
        await FollowTask(admin, Id(await Post(admin, "/system/release/course-contents",
            JsonContent.Create(new { course_id = course, release_dir_list = Array.Empty<string>(), descendants = true, ascendants = true }), ct)), ct);
        await FollowTask(admin, Id(await Post(admin, "/system/release/students", JsonContent.Create(new
        {
            course_id = course,
            students = new[] { new { user = new { username = Student, email = "ada@sample.invalid", given_name = "Ada", family_name = "Lovelace" } } },
        }), ct)), ct);

        var users = (JsonArray)(await GetNode(admin, "/users", ct))!;
        var user = users.Single(u => u!["username"]!.GetValue<string>() == Student)!["id"]!.GetValue<string>();
        var studentToken = (await Post(admin, $"/users/{user}/api-tokens", JsonContent.Create(new { name = "sample course tour" }), ct))["token"]!.GetValue<string>();
        var members = (JsonArray)(await GetNode(admin, $"/course-members?course_id={course}", ct))!;
        var repository = members.Single(m => m!["user_id"]!.GetValue<string>() == user)!["repository"]!["http_url_to_repo"]!.GetValue<string>();
        var contents = (JsonArray)(await GetNode(admin, $"/course-contents?course_id={course}", ct))!;

        using var student = Client(studentToken);
        var studentGit = new TourGit(studentToken);
        var clone = Path.Combine(work.Path, "student");
        await studentGit.Run(null, "clone", "-q", repository, clone);
        output.WriteLine($"The student's repository {repository} holds the templates; ada pushes her attempts and asks for tests:");

        var runs = new List<(string Assignment, string Attempt, string ResultId)>();
        foreach (var attempt in Attempts)
        {
            foreach (var assignment in Directory.GetDirectories(Path.Combine(Samples, "solutions")).Select(Path.GetFileName).Order())
                CopyInto(Path.Combine(Samples, "solutions", assignment!, attempt), Path.Combine(clone, "01_basics", assignment!));
            var commit = await studentGit.Commit(clone, $"{attempt} attempts");
            await studentGit.Run(clone, "push", "-q", "origin", "HEAD:main");
            foreach (var content in contents.Where(c => c!["path"]!.GetValue<string>().StartsWith("basics.", StringComparison.Ordinal)).OrderBy(c => c!["path"]!.GetValue<string>()))
            {
                var requested = await Post(student, "/tests", JsonContent.Create(new { course_content_id = content!["id"]!.GetValue<string>(), version_identifier = commit }), ct);
                runs.Add((content["path"]!.GetValue<string>(), attempt, Id(requested)));
            }
        }

        await FollowRuns(student, runs.Select(r => r.ResultId).ToList(), ct);
        var graded = new List<GradedAttempt>();
        foreach (var (assignment, attempt, resultId) in runs.OrderBy(r => r.Assignment, StringComparer.Ordinal))
        {
            var attemptResult = GradedAttempt.From(assignment, attempt, await Get(student, $"/results/{resultId}", ct));
            attemptResult.WriteTo(output);
            graded.Add(attemptResult);
        }
        return graded;
    }

    /// <summary>One line of progress each time a run changes its status, until every run is final.</summary>
    async Task FollowRuns(HttpClient student, IReadOnlyList<string> results, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (true)
        {
            var statuses = new List<string>();
            foreach (var id in results)
                statuses.Add((await student.GetFromJsonAsync<string>($"/results/{id}/status", ct))!);
            var line = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
            if (line != last)
                output.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0.0} s  {line}");
            last = line;
            if (statuses.All(s => s is "finished" or "failed" or "cancelled"))
                return;
            if (clock.Elapsed > Patience)
                throw new TimeoutException($"The tests did not finish within {Patience.TotalMinutes} minutes ({line})");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    async Task FollowTask(HttpClient admin, string task, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await Get(admin, $"/tasks/{task}", ct);
            var status = view["status"]!.GetValue<string>();
            if (status is "finished" or "failed")
            {
                var reason = view["reason"]?.GetValue<string>();
                output.WriteLine($"  {view["flow"]}: {status} ({view["progress"]}){(reason is null ? "" : "; " + reason)}");
                if (status == "failed")
                    throw new InvalidOperationException($"{view["flow"]} failed: {reason}");
                return;
            }
            if (clock.Elapsed > Patience)
                throw new TimeoutException($"{view["flow"]} did not finish within {Patience.TotalMinutes} minutes");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Token", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Posts as the student client does: a 429 (one test request per second) is retried after its Retry-After.</summary>
    static async Task<JsonObject> Post(HttpClient client, string path, HttpContent body, CancellationToken ct)
    {
        while (true)
        {
            using var response = await client.PostAsync(path, body, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                return await Answer(response, ct);
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), ct);
        }
    }

    static async Task<JsonObject> Get(HttpClient client, string path, CancellationToken ct) =>
        (JsonObject)(await GetNode(client, path, ct))!;

    static async Task<JsonNode?> GetNode(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
            await Answer(response, ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    static async Task<JsonObject> Answer(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    static string Id(JsonObject answer) => answer["id"]!.GetValue<string>();

    static void CopyInto(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    sealed class TemporaryFolder : IDisposable
    {
        readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("computor-tour-");
        public string Path => folder.FullName;
        public void Dispose() => folder.Delete(recursive: true);
    }
}
