using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// The calls the student client makes on its way to an assignment (CLIENT_API.md): password login with
/// rotating refresh tokens, and views that show a student their own courses and work only.
/// </summary>
public sealed class When_a_student_logs_in_and_reads_their_courses
{
    const string Password = "correct horse battery";
    ComputorStack stack = null!;
    HttpClient admin = null!;
    SampleCourse course = null!;
    SampleCourse otherCourse = null!;
    string username = null!;
    Guid userId;

    [OneTimeSetUp]
    public async Task Start()
    {
        // A used refresh token counts as stolen at once; one test request per second, as deployed.
        stack = await ComputorStack.Start(("Auth:RefreshReuseGrace", "00:00:00"), ("TestRequests:PerUserPerSecond", "1"));
        admin = stack.Admin();
        course = await SampleCourse.Create(admin);
        otherCourse = await SampleCourse.Create(admin);
        username = $"grace{Guid.NewGuid():N}"[..16];
        userId = (await admin.Post("/users", new { username, email = $"{username}@example.test", password = Password })).Id();
        await admin.Post("/course-members", new
        {
            user_id = userId, course_id = course.CourseId, role = "student",
            repository = new { http_url_to_repo = $"http://git.example.test/prog1/students/{username}.git", full_path = $"prog1/students/{username}" },
        });
    }

    [OneTimeTearDown]
    public async Task Stop() => await stack.DisposeAsync();

    async Task<JsonObject> Login(string? password = Password, int expected = 200)
    {
        using var anonymous = stack.Client();
        using var response = await anonymous.PostAsJsonAsync("/auth/login", new { username, password });
        return await ApiClient.Expect(response, expected);
    }

    HttpClient Bearer(JsonObject login)
    {
        var client = stack.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["access_token"]!.GetValue<string>());
        return client;
    }

    async Task<JsonObject> Refresh(string refreshToken, int expected = 200)
    {
        using var anonymous = stack.Client();
        using var response = await anonymous.PostAsJsonAsync("/auth/refresh/local", new { refresh_token = refreshToken });
        return await ApiClient.Expect(response, expected);
    }

    static async Task<HttpStatusCode> Views(HttpClient client)
    {
        using var response = await client.GetAsync("/user/views");
        return response.StatusCode;
    }

    [Test]
    public async Task Should_log_in_with_a_password_and_call_with_the_bearer_token()
    {
        var login = await Login();
        Assert.That(login["user_id"]!.GetValue<string>(), Is.EqualTo(userId.ToString()));
        Assert.That(login["expires_in"]!.GetValue<int>(), Is.EqualTo(900));
        Assert.That(login["refresh_token"]!.GetValue<string>(), Is.Not.Empty);
        using var student = Bearer(login);
        var views = await student.GetFromJsonAsync<string[]>("/user/views");
        Assert.That(views, Is.EqualTo(new[] { "student" }));
    }

    [Test]
    public async Task Should_refuse_a_wrong_password_and_an_unknown_user_alike()
    {
        var wrong = await Login("wrong password", 401);
        using var anonymous = stack.Client();
        using var unknown = await anonymous.PostAsJsonAsync("/auth/login", new { username = "nobody-at-all", password = Password });
        var unknownBody = await ApiClient.Expect(unknown, 401);
        foreach (var body in new[] { wrong, unknownBody })
            foreach (var trace in body.Select(p => p.Key).Where(k => k.Contains("trace", StringComparison.OrdinalIgnoreCase)).ToList())
                body.Remove(trace);
        Assert.That(wrong.ToJsonString(), Is.EqualTo(unknownBody.ToJsonString()));
        Assert.That((wrong["detail"]!.GetValue<string>(), wrong["error_code"]!.GetValue<string>()), Is.EqualTo(("Unauthorized", "AUTH_001")));
    }

    [Test]
    public async Task Should_rotate_the_refresh_token_and_end_the_login_when_a_used_one_comes_back()
    {
        var first = await Login();
        var second = await Refresh(first["refresh_token"]!.GetValue<string>());
        using var old = Bearer(first);
        using var current = Bearer(second);
        Assert.That(await Views(old), Is.EqualTo(HttpStatusCode.Unauthorized), "the replaced access token");
        Assert.That(await Views(current), Is.EqualTo(HttpStatusCode.OK));

        // Someone replays the first refresh token: the whole login ends, for them and for the owner.
        await Refresh(first["refresh_token"]!.GetValue<string>(), 401);
        Assert.That(await Views(current), Is.EqualTo(HttpStatusCode.Unauthorized));
        await Refresh(second["refresh_token"]!.GetValue<string>(), 401);
    }

    [Test]
    public async Task Should_end_the_login_at_logout_and_when_an_admin_sets_a_new_password()
    {
        using var loggedOut = Bearer(await Login());
        using (var response = await loggedOut.PostAsync("/auth/logout", null))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Views(loggedOut), Is.EqualTo(HttpStatusCode.Unauthorized));

        using var other = Bearer(await Login());
        using (var response = await admin.PutAsJsonAsync($"/users/{userId}/password", new { password = Password }))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Views(other), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_never_show_a_password_hash()
    {
        var user = await admin.Get($"/users/{userId}");
        Assert.That(user.ToJsonString(), Does.Not.Contain("pbkdf2").And.Not.Contain("password"));
        using var weak = await admin.PostAsJsonAsync("/users", new { username = "weakling", password = "short" });
        Assert.That((await ApiClient.Expect(weak, 400))["message"]!.GetValue<string>(), Does.Contain("password"));
    }

    [Test]
    public async Task Should_list_only_the_students_own_courses()
    {
        using var student = Bearer(await Login());
        var courses = await student.GetFromJsonAsync<JsonArray>("/students/courses");
        Assert.That(courses!.Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { course.CourseId.ToString() }));
        var mine = courses![0]!;
        Assert.That(mine["title"]!.GetValue<string>(), Is.EqualTo("Programming 1"));
        Assert.That(mine["path"]!.GetValue<string>(), Is.EqualTo("prog1"));
        Assert.That(mine["organization_id"], Is.Not.Null);
        Assert.That(mine["course_family_id"], Is.Not.Null);
        Assert.That(mine["repository"]!.AsObject().ContainsKey("provider_url"), "provider_url is read even when null");

        using var other = await student.GetAsync($"/students/courses/{otherCourse.CourseId}");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await student.GetFromJsonAsync<JsonObject>($"/students/courses/{course.CourseId}"))!["id"]!.GetValue<string>(),
            Is.EqualTo(course.CourseId.ToString()));
    }

    [Test]
    public async Task Should_show_the_organization_and_family_of_the_students_course_only()
    {
        using var student = Bearer(await Login());
        var mine = await student.GetFromJsonAsync<JsonObject>($"/students/courses/{course.CourseId}");
        var organization = await student.GetFromJsonAsync<JsonObject>($"/organizations/{mine!["organization_id"]}");
        Assert.That(organization!.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "title", "path" }));
        var family = await student.GetFromJsonAsync<JsonObject>($"/course-families/{mine["course_family_id"]}");
        Assert.That(family!["path"]!.GetValue<string>(), Is.EqualTo("progfam"));

        var foreign = await admin.Get($"/courses/{otherCourse.CourseId}");
        using var hidden = await student.GetAsync($"/organizations/{foreign["organization_id"]}");
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Should_describe_the_content_kinds_and_maintenance()
    {
        using var student = Bearer(await Login());
        var kinds = await student.GetFromJsonAsync<JsonArray>("/course-content-kinds");
        var assignment = kinds!.Single(k => k!["id"]!.GetValue<string>() == "assignment")!;
        Assert.That((assignment["submittable"]!.GetValue<bool>(), assignment["has_descendants"]!.GetValue<bool>()), Is.EqualTo((true, false)));
        using var anonymous = stack.Client();
        var maintenance = await anonymous.GetFromJsonAsync<JsonObject>("/system/maintenance/status");
        Assert.That(maintenance!["active"]!.GetValue<bool>(), Is.False);
        Assert.That(maintenance.ContainsKey("message") && maintenance.ContainsKey("scheduled_at"));
    }

    [Test]
    public async Task Should_show_each_assignment_with_its_submission_group_and_latest_result()
    {
        using var student = Bearer(await Login());
        var before = await student.GetFromJsonAsync<JsonArray>($"/students/course-contents?course_id={course.CourseId}");
        var passes = before!.Single(c => c!["id"]!.GetValue<string>() == course.Assignments[StandInRunner.Passes].ToString())!;
        Assert.That(passes["path"]!.GetValue<string>(), Is.EqualTo("week1.passes"));
        Assert.That(passes["course_content_kind_id"]!.GetValue<string>(), Is.EqualTo("assignment"));
        Assert.That(passes["course_content_type"]!["course_content_kind_id"]!.GetValue<string>(), Is.EqualTo("assignment"));
        Assert.That(passes["testing_service_id"]!.GetValue<string>(), Is.EqualTo("itpcp.exec.py"));
        Assert.That(passes["directory"]!.GetValue<string>(), Is.EqualTo(StandInRunner.Passes));
        var group = passes["submission_group"]!;
        Assert.That(group["max_group_size"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(group["repository"]!["clone_url"]!.GetValue<string>(), Does.EndWith($"/{username}.git"));
        Assert.That(group["repository"]!["full_path"]!.GetValue<string>(), Is.EqualTo($"prog1/students/{username}"));

        var version = SampleCourse.Version();
        var run = await student.Post("/tests", new { course_content_id = course.Assignments[StandInRunner.Passes], version_identifier = version });
        using (var tooSoon = await student.PostAsJsonAsync("/tests", new { course_content_id = course.Assignments[StandInRunner.Fails], version_identifier = version }))
        {
            var body = await ApiClient.Expect(tooSoon, 429);
            Assert.That(body["error_code"]!.GetValue<string>(), Is.EqualTo("RATE_003"));
            Assert.That(tooSoon.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        }
        stack.Gate.Release(run.Id("test_system_id"));
        await Eventually.Until(() => student.Status(run.Id()), s => s == "finished", "the run to finish");

        var after = await student.GetFromJsonAsync<JsonArray>($"/students/course-contents?course_id={course.CourseId}");
        var tested = after!.Single(c => c!["id"]!.GetValue<string>() == course.Assignments[StandInRunner.Passes].ToString())!;
        Assert.That(tested["submission_group"]!["id"]!.GetValue<string>(), Is.EqualTo(group["id"]!.GetValue<string>()), "the same group every time");
        Assert.That(tested["result_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(tested["submitted"]!.GetValue<bool>(), Is.False);
        var latest = tested["result"]!;
        Assert.That((latest["id"]!.GetValue<string>(), latest["status"]!.GetValue<string>(), latest["version_identifier"]!.GetValue<string>()),
            Is.EqualTo((run.Id().ToString(), "finished", version)));
        var graded = await student.Get($"/results/{run.Id()}");
        Assert.That(latest["result"]!.GetValue<double>(), Is.EqualTo(graded["result"]!.GetValue<double>()));
        Assert.That(latest.AsObject().ContainsKey("result_json"), Is.False, "the list carries no report");

        var detail = await student.GetFromJsonAsync<JsonObject>($"/students/course-contents/{course.Assignments[StandInRunner.Passes]}");
        Assert.That(detail!["result"]!["result_json"]!["summary"], Is.Not.Null);
        Assert.That(detail["result"]!["result_artifacts"]!.AsArray(), Is.Not.Null);

        using var foreign = await student.GetAsync($"/students/course-contents/{otherCourse.Assignments[StandInRunner.Passes]}");
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

/// <summary>Announced maintenance (<c>Maintenance__*</c>): shown to clients, and test requests wait for its end.</summary>
public sealed class When_testing_is_paused_for_maintenance
{
    [Test]
    public async Task Should_announce_it_and_refuse_test_requests_with_503()
    {
        await using var stack = await ComputorStack.Start(("Maintenance:Active", "true"),
            ("Maintenance:Message", "Exam server upgrade until 14:00"), ("Maintenance:ScheduledAt", "2026-11-27T12:00:00Z"));
        var course = await SampleCourse.Create(stack.Admin());
        using var anonymous = stack.Client();
        var status = await anonymous.Get("/system/maintenance/status");
        Assert.That((status["active"]!.GetValue<bool>(), status["message"]!.GetValue<string>()), Is.EqualTo((true, "Exam server upgrade until 14:00")));
        Assert.That(status["scheduled_at"]!.GetValue<DateTimeOffset>(), Is.EqualTo(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)));

        using var student = stack.Client(course.StudentToken);
        using var refused = await student.PostAsJsonAsync("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()));
        var body = await ApiClient.Expect(refused, 503);
        Assert.That((body["error_code"]!.GetValue<string>(), body["message"]!.GetValue<string>()), Is.EqualTo(("MAINT_001", "Exam server upgrade until 14:00")));
        Assert.That(await student.GetFromJsonAsync<JsonArray>("/results"), Is.Empty, "nothing was queued");
    }

    [Test]
    public async Task Should_name_what_is_missing_in_a_test_request()
    {
        await using var stack = await ComputorStack.Start();
        var course = await SampleCourse.Create(stack.Admin());
        using var student = stack.Client(course.StudentToken);
        using var neither = await student.PostAsJsonAsync("/tests", new { version_identifier = SampleCourse.Version() });
        Assert.That((await ApiClient.Expect(neither, 400))["error_code"]!.GetValue<string>(), Is.EqualTo("SUBMIT_007"));
        using var unknownArtifact = await student.PostAsJsonAsync("/tests", new { artifact_id = Guid.NewGuid() });
        Assert.That((await ApiClient.Expect(unknownArtifact, 404))["error_code"]!.GetValue<string>(), Is.EqualTo("SUBMIT_001"));
        using var unknownGroup = await student.GetAsync($"/submissions/artifacts?submission_group_id={Guid.NewGuid()}");
        Assert.That((await ApiClient.Expect(unknownGroup, 404))["error_code"]!.GetValue<string>(), Is.EqualTo("SUBMIT_002"));
    }
}
