using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// The student client's whole sequence over HTTP (CLIENT_API.md), against the real services and the real Python
/// runner: log in, find the course and assignment, upload the assignment folder, test it, follow it, read the
/// result and its figures, and submit. Every field the client reads is checked where it is read.
/// </summary>
public sealed class When_the_student_client_tests_and_submits_an_upload
{
    const string Password = "a long enough password";
    RunnerFlow flow = null!;
    RunnerCourse course = null!;
    HttpClient student = null!;
    string username = null!;
    Guid courseId;

    [OneTimeSetUp]
    public async Task Start()
    {
        flow = await RunnerFlow.Start(RunnerProcess.Python);
        var admin = flow.Stack.Admin();
        course = await RunnerCourse.Create(admin, When_a_student_tests_python_code.Assignment);
        using (var limited = await admin.PatchAsJsonAsync($"/course-contents/{course.ContentId}", new { max_submissions = 1 }))
            await ApiClient.Expect(limited, 200);
        courseId = (await admin.Get($"/course-contents/{course.ContentId}")).Id("course_id");
        var member = (await admin.GetFromJsonAsync<JsonArray>($"/course-members?course_id={courseId}"))!.Single()!.AsObject();
        var user = await admin.Get($"/users/{member["user_id"]}");
        username = user["username"]!.GetValue<string>();
        using (var set = await admin.PutAsJsonAsync($"/users/{user["id"]}/password", new { password = Password }))
            await ApiClient.Expect(set, 204);
        student = flow.Stack.Client();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        student.Dispose();
        course.Dispose();
        await flow.DisposeAsync();
    }

    static byte[] AssignmentFolder(string code)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in new[] { ("week1/sums.py", code), ("week1/.git/HEAD", "ref: refs/heads/main\n"), ("week1/__pycache__/sums.pyc", "\0") })
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(text);
            }
        return output.ToArray();
    }

    static MultipartFormDataContent Upload(Guid group, string version, bool submit, byte[] zip)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { submission_group_id = group, version_identifier = version, submit }), Encoding.UTF8, "application/json"), "submission_create" },
        };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "week1.zip");
        return form;
    }

    [Test]
    public async Task Should_play_the_whole_sequence()
    {
        // Reachability probe, then login.
        using (var probe = new HttpRequestMessage(HttpMethod.Head, "/"))
            (await student.SendAsync(probe)).Dispose();
        var login = await student.Post("/auth/login", new { username, password = Password }, expectedStatus: 200);
        Assert.That(login["expires_in"]!.GetValue<int>(), Is.GreaterThan(0));
        Assert.That(login["refresh_token"]!.GetValue<string>(), Is.Not.Empty);
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["access_token"]!.GetValue<string>());
        Assert.That(await student.GetFromJsonAsync<string[]>("/user/views"), Is.Not.Empty);
        var maintenance = await student.Get("/system/maintenance/status");
        Assert.That(maintenance["active"]!.GetValue<bool>(), Is.False);

        // The course, its organization and family, the kinds, the assignment with its submission group.
        var courses = await student.GetFromJsonAsync<JsonArray>("/students/courses");
        var mine = courses!.Single()!.AsObject();
        Assert.That(mine.Select(p => p.Key), Is.SupersetOf(new[] { "id", "title", "path", "organization_id", "course_family_id", "repository" }));
        Assert.That(mine["repository"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "provider_url", "full_path" }));
        Assert.That((await student.Get($"/students/courses/{courseId}"))["title"]!.GetValue<string>(), Is.EqualTo("Python 1"));
        Assert.That((await student.Get($"/organizations/{mine["organization_id"]}")).Select(p => p.Key), Is.SupersetOf(new[] { "id", "title", "path" }));
        Assert.That((await student.Get($"/course-families/{mine["course_family_id"]}"))["title"]!.GetValue<string>(), Is.EqualTo("Python"));
        var kinds = await student.GetFromJsonAsync<JsonArray>("/course-content-kinds");
        Assert.That(kinds!.Select(k => k!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { "assignment", "unit" }));
        Assert.That(kinds![0]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "title", "has_ascendants", "has_descendants", "submittable" }));

        var contents = await student.GetFromJsonAsync<JsonArray>($"/students/course-contents?course_id={courseId}");
        var assignment = contents!.Single()!.AsObject();
        Assert.That(assignment.Select(p => p.Key), Is.SupersetOf(new[]
        {
            "id", "title", "path", "course_id", "position", "course_content_type", "course_content_kind_id", "testing_service_id",
            "directory", "max_test_runs", "result_count", "submitted", "result", "submission_group",
        }));
        Assert.That(assignment["course_content_type"]!.AsObject().Select(p => p.Key),
            Is.SupersetOf(new[] { "id", "slug", "title", "color", "course_content_kind_id" }));
        Assert.That(assignment["testing_service_id"]!.GetValue<string>(), Is.Not.Empty, "testable");
        var group = assignment["submission_group"]!.AsObject();
        Assert.That(group.Select(p => p.Key), Is.SupersetOf(new[] { "id", "max_group_size", "max_submissions", "example_identifier", "repository" }));
        Assert.That(group["repository"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "provider", "url", "full_path", "clone_url", "web_url" }));
        Assert.That(group["max_submissions"]!.GetValue<int>(), Is.EqualTo(1));
        var groupId = group.Id();

        // Test: the HEAD commit as version, no artifact for it yet, upload, test the artifact.
        var version = await course.Push(new Dictionary<string, string> { ["sums.py"] = When_a_student_tests_python_code.Correct });
        Assert.That(await student.GetFromJsonAsync<JsonArray>($"/submissions/artifacts?submission_group_id={groupId}&version_identifier={version}"), Is.Empty);
        using var uploaded = await student.PostAsync("/submissions/artifacts", Upload(groupId, version, false, AssignmentFolder(When_a_student_tests_python_code.Correct)));
        var artifact = await ApiClient.Expect(uploaded, 201);
        Assert.That(artifact.Select(p => p.Key), Is.SupersetOf(new[]
        {
            "artifacts", "submission_group_id", "uploaded_by_course_member_id", "total_size", "files_count", "uploaded_at", "version_identifier",
        }));
        Assert.That((artifact["files_count"]!.GetValue<int>(), artifact["total_size"]!.GetValue<long>()),
            Is.EqualTo((1, (long)Encoding.UTF8.GetByteCount(When_a_student_tests_python_code.Correct))), "only sums.py is kept");
        var artifactId = artifact["artifacts"]![0]!.GetValue<string>();

        var queued = await student.Post("/tests", new { artifact_id = artifactId });
        Assert.That(queued.ContainsKey("result_json"), Is.False, "a queued run must not look final");
        var again = await student.Post("/tests", new { artifact_id = artifactId }, expectedStatus: 200);
        Assert.That(again.Id(), Is.EqualTo(queued.Id()), "the queued run, not a second one");

        var status = await Eventually.Until(() => student.Status(queued.Id()), s => s is "finished" or "failed" or "cancelled",
            "the run to be final", TimeSpan.FromSeconds(90));
        Assert.That(status, Is.EqualTo("finished"));

        var result = await student.Get($"/results/{queued.Id()}");
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0), result.ToJsonString());
        Assert.That(result["result_json"]!["summary"]!["passed"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(result["result_json"]!["result_value"], Is.Not.Null);
        var figures = result["result_artifacts"]!.AsArray();
        Assert.That(figures.Select(f => f!["filename"]!.GetValue<string>()), Is.EqualTo(new[] { "c2_figure1.png" }));
        Assert.That(figures[0]!["content_type"]!.GetValue<string>(), Is.EqualTo("image/png"));
        Assert.That(figures[0]!["file_size"]!.GetValue<long>(), Is.GreaterThan(0));
        Assert.That(figures[0]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "id", "created_at" }));
        var download = await student.GetByteArrayAsync($"/results/{queued.Id()}/artifacts/download");
        using (var zip = new ZipArchive(new MemoryStream(download)))
        {
            Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "c2_figure1.png" }));
            Assert.That(zip.Entries[0].Length, Is.EqualTo(figures[0]!["file_size"]!.GetValue<long>()));
        }
        var retest = await student.Post("/tests", new { artifact_id = artifactId }, expectedStatus: 400);
        Assert.That(retest["error_code"]!.GetValue<string>(), Is.EqualTo("SUBMIT_008"));

        // Submit: the newest tested artifact, marked official; the limit of one is then reached.
        var tested = await student.GetFromJsonAsync<JsonArray>($"/submissions/artifacts?submission_group_id={groupId}&submit=false");
        Assert.That(tested![0]!["id"]!.GetValue<string>(), Is.EqualTo(artifactId));
        using var marked = await student.PatchAsJsonAsync($"/submissions/artifacts/{artifactId}", new { submit = true });
        Assert.That((await ApiClient.Expect(marked, 200))["submit"]!.GetValue<bool>(), Is.True);
        using var second = await student.PostAsync("/submissions/artifacts", Upload(groupId, version, true, AssignmentFolder(When_a_student_tests_python_code.Correct)));
        Assert.That((await ApiClient.Expect(second, 400))["message"]!.GetValue<string>(), Does.StartWith("Submission limit reached"));

        var history = await student.GetFromJsonAsync<JsonArray>($"/results?course_content_id={course.ContentId}&submission_group_id={groupId}&limit=20");
        Assert.That(history!.Select(h => h!["id"]!.GetValue<string>()), Is.EqualTo(new[] { queued.Id().ToString() }));
        Assert.That(history![0]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "id", "created_at", "status", "result", "version_identifier", "submit" }));
        var listed = (await student.GetFromJsonAsync<JsonArray>($"/students/course-contents?course_id={courseId}"))!.Single()!;
        Assert.That(listed["result"]!.AsObject().Select(p => p.Key),
            Is.SupersetOf(new[] { "id", "status", "result", "submit", "version_identifier", "test_system_id" }));
        Assert.That((listed["result_count"]!.GetValue<int>(), listed["result"]!["submit"]!.GetValue<bool>()), Is.EqualTo((1, true)));
        var detail = await student.Get($"/students/course-contents/{course.ContentId}");
        Assert.That(detail["submitted"]!.GetValue<bool>(), Is.True);
        Assert.That(detail["result"]!["result_json"], Is.Not.Null);
        Assert.That(detail["result"]!["result_artifacts"]!.AsArray(), Has.Count.EqualTo(1));
    }
}
