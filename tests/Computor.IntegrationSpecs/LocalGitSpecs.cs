using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// A course without GitLab: bare repositories on our disk, served by the API over smart HTTP, released to
/// and pushed to with real git, tested by the real Python runner.
/// </summary>
public class When_a_course_lives_in_local_repositories
{
    static readonly Dictionary<string, string> Material = new()
    {
        ["01_sums/meta.yaml"] = "slug: sums\nproperties:\n  studentSubmissionFiles: [sums.py]\n  executionBackend: {slug: itpcp.exec.py}\n",
        ["01_sums/test.yaml"] = "type: python\nproperties:\n  tests:\n    - {name: total, tests: [{name: total}]}\n",
        ["01_sums/sums.py"] = "total = sum([1, 2, 3])\n",
    };

    ComputorStack stack = null!;
    ServiceProcess runner = null!;
    string root = null!;
    string cache = null!;
    HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        root = Directory.CreateTempSubdirectory("computor-local-git-").FullName;
        cache = Directory.CreateTempSubdirectory("computor-reference-cache-").FullName;
        stack = await ComputorStack.Create();
        var git = new Uri(stack.ApiAddress, "/git").ToString();
        stack.Set("LocalGit:Root", root);
        stack.Set("LocalGit:PublicUrl", git);
        stack.Set("LocalGit:Token", ComputorStack.AdminToken);
        stack.Set("Git:Credentials:0:UrlPrefix", git);
        stack.Set("Git:Credentials:0:Password", ComputorStack.AdminToken);
        await stack.StartApi();
        await stack.StartSystem();
        runner = await RunnerProcess.Python(stack, cache);
        admin = stack.Admin();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await runner.DisposeAsync();
        await stack.DisposeAsync();
        Directory.Delete(root, recursive: true);
        Directory.Delete(cache, recursive: true);
    }

    /// <summary>A clone URL carrying a token, as a git credential helper would present it.</summary>
    static string WithToken(string url, string token) => new UriBuilder(url) { UserName = "git", Password = token }.Uri.ToString();

    [Test]
    public async Task Should_release_to_a_student_who_pushes_and_gets_a_grade_while_others_cannot_read_the_repository()
    {
        var deployed = await admin.Deploy("""
            organization: {path: local-uni, title: Local University}
            course_family: {path: prog, title: Programming}
            course: {path: prog1, title: Programming 1}
            """);
        Assert.That((await admin.Finished(deployed.Id()))["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        var course = await admin.Get($"/courses/{deployed.Id("course_id")}");
        Assert.That(course["assignments_url"]!.GetValue<string>(), Is.EqualTo(new Uri(stack.ApiAddress, "/git/local-uni/prog/prog1/assignments.git").ToString()));

        using (var material = await GitRepository.Clone(WithToken(course["assignments_url"]!.GetValue<string>(), ComputorStack.AdminToken)))
        {
            await material.Commit(Material, "material");
            await material.Push();
        }
        var released = await admin.ReleaseContents(course.Id(), "01_sums");
        Assert.That(released["status"]!.GetValue<string>(), Is.EqualTo("finished"), released.ToJsonString());
        var students = await admin.Finished((await admin.Post("/system/release/students", new
        {
            course_id = course.Id(),
            students = new[] { new { user = new { username = "lin", email = "lin.github@uni.test" } }, new { user = new { username = "max", email = "max@uni.test" } } },
        }, expectedStatus: 202)).Id());
        Assert.That(ReleaseTasks.Outcomes(students).Values, Is.All.EqualTo("created"), students.ToJsonString());

        var users = await admin.GetFromJsonAsync<JsonArray>("/users");
        string Token(string username) => users!.Single(u => u!["username"]!.GetValue<string>() == username)!.AsObject().Id().ToString();
        var lin = (await admin.Post($"/users/{Token("lin")}/api-tokens", new { name = "git" }))["token"]!.GetValue<string>();
        var max = (await admin.Post($"/users/{Token("max")}/api-tokens", new { name = "git" }))["token"]!.GetValue<string>();
        // A name with ".git" inside it must not end the repository's path early.
        var repository = new Uri(stack.ApiAddress, "/git/local-uni/prog/prog1/students/lin.github.git").ToString();

        using var clone = await GitRepository.Clone(WithToken(repository, lin));
        Assert.That(File.Exists(Path.Combine(clone.Folder, "01_sums/sums.py")), "the student's repository holds the template");
        Assert.That(File.Exists(Path.Combine(clone.Folder, "01_sums/test.yaml")), Is.False);
        var version = await clone.Commit(new Dictionary<string, string> { ["01_sums/sums.py"] = "total = 1 + 2 + 3\n" });
        await clone.Push();

        var student = stack.Client(lin);
        var content = (await admin.GetFromJsonAsync<JsonArray>($"/course-contents?course_id={course.Id()}"))!.Single(c => c!["path"]!.GetValue<string>() == "sums")!;
        var queued = await student.Post("/tests", new { course_content_id = content.AsObject().Id(), version_identifier = version });
        var result = await RunnerCourse.Final(student, queued.Id());
        Assert.That(result["result"]?.GetValue<double>(), Is.EqualTo(1.0), result.ToJsonString());

        var other = Assert.ThrowsAsync<InvalidOperationException>(() => GitRepository.Clone(WithToken(repository, max)));
        Assert.That(other!.Message, Does.Contain("not found"), "another student's repository does not exist for them");
        using var anonymous = new HttpClient();
        var refs = await anonymous.GetAsync($"{repository}/info/refs?service=git-upload-pack");
        Assert.That(refs.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refs.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic"));
    }
}
