using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LibGit2Sharp;

namespace Computor.Bench.Burst;

/// <summary>
/// A released trivial Python assignment in local git repositories and <c>students</c> students, each with a
/// token and a repository of its own, as in a course: a run fetches its student's new commit. A second
/// assignment of the course is for warming the services up.
/// </summary>
sealed class BenchCourse(string folder, Guid content, Guid unserved, IReadOnlyList<string> tokens) : IDisposable
{
    public const string TestYaml = "type: python\nproperties:\n  tests:\n    - name: answer\n      tests: [{name: x}]\n";
    public const string Solution = "x = 42\n";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Guid Content => content;

    /// <summary>A MATLAB assignment, which no runner of the benchmark serves: its tests stay queued.</summary>
    public Guid Unserved => unserved;

    public IReadOnlyList<string> Tokens => tokens;
    static string StudentRepository(string folder, int student) => Path.Combine(folder, "students", $"s{student}");

    public static async Task<BenchCourse> Create(HttpClient admin, int students)
    {
        var folder = Directory.CreateTempSubdirectory("computor-burst-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var assignments = Path.Combine(folder, "assignments");
        var released = Commit(assignments, new() { ["week1/test.yaml"] = TestYaml, ["week1/solution.py"] = Solution });
        Parallel.For(0, students, i => Commit(StudentRepository(folder, i), new() { ["week1/solution.py"] = Solution }));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organization = await Post(admin, "/organizations", new { path = $"bench-{suffix}", title = "Bench" });
        var family = await Post(admin, "/course-families", new { organization_id = organization["id"], path = "bench", title = "Bench" });
        var course = await Post(admin, "/courses", new { course_family_id = family["id"], path = "burst", title = "Burst", assignments_url = Url(assignments) });
        var content = await Post(admin, "/course-contents", new
        {
            course_id = course["id"], path = "week1", title = "Week 1", directory = "week1", execution_backend = "itpcp.exec.py",
            released_commit = released, timeout_seconds = 60,
        });
        var unserved = await Post(admin, "/course-contents", new
        {
            course_id = course["id"], path = "warmup", title = "Warm-up", directory = "warmup", execution_backend = "itpcp.exec.mat",
            released_commit = released,
        });
        var tokens = new string[students];
        await Parallel.ForEachAsync(Enumerable.Range(0, students), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var user = await Post(admin, "/users", new { username = $"s{suffix}{i}", email = $"s{i}@bench.invalid" });
            tokens[i] = (await Post(admin, $"/users/{user["id"]}/api-tokens", new { name = "bench" }))["token"]!.GetValue<string>();
            await Post(admin, "/course-members", new
            {
                user_id = user["id"], course_id = course["id"], role = "student", repository = new { http_url_to_repo = Url(StudentRepository(folder, i)) },
            });
        });
        return new BenchCourse(folder, Guid.Parse(content["id"]!.GetValue<string>()), Guid.Parse(unserved["id"]!.GetValue<string>()), tokens);
    }

    /// <summary>A new commit in the repository of each of the first <c>students</c> students: their versions for a round.</summary>
    public IReadOnlyList<string> NewVersions(int round, int students)
    {
        var versions = new string[students];
        Parallel.For(0, students, i => versions[i] = NewVersion(round, i));
        return versions;
    }

    public string NewVersion(int round, int student) =>
        Commit(StudentRepository(folder, student), new() { ["week1/solution.py"] = $"# round {round}\n{Solution}" });

    static string Commit(string path, Dictionary<string, string> files)
    {
        if (!Repository.IsValid(path))
            Repository.Init(path);
        using var repository = new Repository(path);
        foreach (var (file, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(path, file))!);
            File.WriteAllText(Path.Combine(path, file), text);
            Commands.Stage(repository, file);
        }
        var author = new Signature("bench", "bench@bench.invalid", DateTimeOffset.UtcNow);
        return repository.Commit("bench", author, author).Sha;
    }

    static string Url(string path) => new Uri(path + "/").AbsoluteUri.TrimEnd('/');

    static async Task<JsonObject> Post(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
