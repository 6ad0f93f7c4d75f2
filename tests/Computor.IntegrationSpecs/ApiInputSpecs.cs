using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>Bad input, unknown ids and wrong roles get a 4xx problem document, never a 500.</summary>
[TestFixture]
public sealed class When_the_api_gets_bad_input
{
    ComputorStack stack = null!;
    SampleCourse course = null!;
    HttpClient admin = null!;
    HttpClient student = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        stack = await ComputorStack.Start();
        admin = stack.Admin();
        course = await SampleCourse.Create(admin, maxTestRuns: 1);
        student = stack.Client(course.StudentToken);
    }

    [OneTimeTearDown]
    public async Task Stop() => await stack.DisposeAsync();

    static async Task<JsonObject> Problem(HttpResponseMessage response, int status, string? errorCode = null)
    {
        var body = await ApiClient.Expect(response, status);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body["status"]?.GetValue<int>(), Is.EqualTo(status));
            if (errorCode is not null)
            {
                Assert.That(body["error_code"]?.GetValue<string>(), Is.EqualTo(errorCode));
                Assert.That(body["message"]?.GetValue<string>(), Is.Not.Empty);
            }
        });
        return body;
    }

    static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task Should_answer_401_without_a_valid_token()
    {
        using var none = await stack.Client().GetAsync("/organizations");
        var body = await Problem(none, 401);
        Assert.That(body["detail"]!.GetValue<string>(), Is.EqualTo("Unauthorized"));
        using var unknown = await stack.Client("ctp_not-a-real-token").GetAsync($"/results/{Guid.NewGuid()}");
        await Problem(unknown, 401);
    }

    [Test]
    public async Task Should_describe_itself_in_an_openapi_document_without_a_token()
    {
        using var response = await stack.Client().GetAsync("/openapi/v1.json");
        var document = await ApiClient.Expect(response, 200);
        Assert.That(document["paths"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "/tests", "/results/{id}/status", "/tasks/{correlationId}" }));
    }

    [Test]
    public async Task Should_answer_403_when_a_student_calls_an_admin_endpoint()
    {
        using var response = await student.PostAsJsonAsync("/organizations", new { path = "mine", title = "Mine" });
        await Problem(response, 403);
        using var users = await student.GetAsync("/users");
        await Problem(users, 403);
    }

    [Test]
    public async Task Should_let_only_an_admin_through_the_admin_uis_forward_auth()
    {
        using var admin = await stack.Admin().GetAsync("/auth/admin");
        using var asStudent = await student.GetAsync("/auth/admin");
        using var anonymous = await stack.Client().GetAsync("/auth/admin");
        using var basic = new HttpClient { BaseAddress = stack.ApiAddress };
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{ComputorStack.AdminToken}")));
        using var byBasic = await basic.GetAsync("/auth/admin");

        Assert.That(new[] { admin.StatusCode, byBasic.StatusCode, asStudent.StatusCode, anonymous.StatusCode }.Select(s => (int)s),
            Is.EqualTo(new[] { 204, 204, 403, 401 }));
    }

    [TestCase("{not json")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"version_identifier\": 5}")]
    [TestCase("{\"course_content_id\": \"not-a-guid\"}")]
    [TestCase("")]
    public async Task Should_answer_400_for_a_malformed_test_request(string json)
    {
        using var response = await student.PostAsync("/tests", RawJson(json));
        await Problem(response, 400);
    }

    // Most clients send their body without waiting for the server's go-ahead; either way the answer is a 413, not a
    // connection cut while the client is still sending.
    [TestCase(false)]
    [TestCase(true)]
    public async Task Should_answer_413_for_a_body_over_a_megabyte(bool waitForContinue)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tests")
        {
            Content = RawJson($$"""{"version_identifier":"{{new string('a', 2 * 1024 * 1024 - 100)}}"}"""),
        };
        request.Headers.ExpectContinue = waitForContinue;
        using var response = await student.SendAsync(request);
        await Problem(response, 413);
    }

    [Test]
    public async Task Should_require_a_version_identifier()
    {
        using var missing = await student.PostAsJsonAsync("/tests", new { course_content_id = course.Assignments[StandInRunner.Passes] });
        await Problem(missing, 400, "SUBMIT_006");
        using var bogus = await student.PostAsJsonAsync("/tests",
            new { course_content_id = course.Assignments[StandInRunner.Passes], version_identifier = "../../etc/passwd" });
        await Problem(bogus, 400, "VAL_001");
    }

    [Test]
    public async Task Should_answer_404_for_unknown_ids()
    {
        using var content = await student.PostAsJsonAsync("/tests",
            new { course_content_id = Guid.NewGuid(), version_identifier = SampleCourse.Version() });
        await Problem(content, 404, "NF_003");
        using var member = await student.PostAsJsonAsync("/tests", new
        {
            course_member_id = Guid.NewGuid(), course_content_id = course.Assignments[StandInRunner.Passes],
            version_identifier = SampleCourse.Version(),
        });
        await Problem(member, 404, "NF_003");
        foreach (var path in new[] { $"/results/{Guid.NewGuid()}", $"/results/{Guid.NewGuid()}/status", $"/tests/status/{Guid.NewGuid()}",
                     $"/tasks/{Guid.NewGuid()}" })
        {
            using var response = await student.GetAsync(path);
            await Problem(response, 404, "NF_003");
        }
        using var family = await admin.PostAsJsonAsync("/course-families", new { organization_id = Guid.NewGuid(), path = "x", title = "X" });
        await Problem(family, 404, "NF_003");
        using var notAGuid = await student.GetAsync("/results/not-a-guid");
        Assert.That((int)notAGuid.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Should_answer_400_for_missing_or_invalid_fields_of_admin_requests()
    {
        using var empty = await admin.PostAsJsonAsync("/organizations", new { });
        await Problem(empty, 400, "VAL_001");
        using var badPath = await admin.PostAsJsonAsync("/organizations", new { path = "Not A Path", title = "X" });
        await Problem(badPath, 400, "VAL_001");
        using var longTitle = await admin.PostAsJsonAsync("/organizations", new { path = "long", title = new string('x', 100_000) });
        await Problem(longTitle, 400, "VAL_001");
        using var role = await admin.PostAsync("/course-members",
            RawJson($$"""{"user_id":"{{Guid.NewGuid()}}","course_id":"{{course.CourseId}}","role":"emperor"}"""));
        await Problem(role, 400);
        using var traversal = await admin.PostAsJsonAsync("/course-contents",
            new { course_id = course.CourseId, path = "week9.evil", title = "Evil", directory = "../other" });
        await Problem(traversal, 400, "VAL_001");
        using var backend = await admin.PostAsJsonAsync("/course-contents",
            new { course_id = course.CourseId, path = "week9.cobol", title = "Cobol", execution_backend = "itpcp.exec.cobol" });
        await Problem(backend, 400, "VAL_001");
    }

    [Test]
    public async Task Should_answer_409_for_a_duplicate_path()
    {
        await admin.Post("/organizations", new { path = "twice", title = "Twice" });
        using var again = await admin.PostAsJsonAsync("/organizations", new { path = "twice", title = "Twice" });
        await Problem(again, 409);
    }

    [Test]
    public async Task Should_refuse_a_test_of_an_assignment_that_is_not_released()
    {
        var unreleased = await admin.Post("/course-contents", new
        {
            course_id = course.CourseId, path = "week2.draft", title = "Draft", directory = "draft", execution_backend = "itpcp.exec.py",
        });
        using var response = await student.PostAsJsonAsync("/tests",
            new { course_content_id = unreleased.Id(), version_identifier = SampleCourse.Version() });
        await Problem(response, 400, "DEPLOY_001");

        var noBackend = await admin.Post("/course-contents", new
        {
            course_id = course.CourseId, path = "week2.reading", title = "Reading", directory = "reading",
            released_commit = SampleCourse.ReleasedCommit,
        });
        using var untestable = await student.PostAsJsonAsync("/tests",
            new { course_content_id = noBackend.Id(), version_identifier = SampleCourse.Version() });
        await Problem(untestable, 400, "SUBMIT_005");
    }

    [Test]
    public async Task Should_refuse_more_test_runs_than_the_assignment_allows()
    {
        var first = await student.Post("/tests", course.TestRequest(StandInRunner.Crashes, SampleCourse.Version()));
        await Eventually.Until(() => student.Status(first.Id()), s => s == "failed", "the first run to fail");
        using var second = await student.PostAsJsonAsync("/tests", course.TestRequest(StandInRunner.Crashes, SampleCourse.Version()));
        await Problem(second, 400, "SUBMIT_004");
    }
}
