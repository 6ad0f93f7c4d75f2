using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// Deploy, course-contents release and student release end to end: API, saga and release workers over RabbitMQ
/// and PostgreSQL, a GitLab-compatible server with real repositories, and the real Python runner for the grade.
/// </summary>
public class When_a_lecturer_releases_a_course
{
    static readonly Dictionary<string, string> Material = new()
    {
        ["01_basics/01_sums/meta.yaml"] = """
            slug: sums
            title: Sums
            properties:
              studentSubmissionFiles: [sums.py]
              additionalFiles: [data.txt]
              maxSubmissions: 2
              executionBackend: {slug: itpcp.exec.py, settings: {timeout: 30}}
            """,
        ["01_basics/01_sums/test.yaml"] = "type: python\nproperties:\n  tests:\n    - {name: total, tests: [{name: total}]}\n",
        ["01_basics/01_sums/sums.py"] = "total = sum([1, 2, 3])\n",
        ["01_basics/01_sums/data.txt"] = "1 2 3\n",
        ["01_basics/01_sums/content/index.md"] = "# Sums\n",
        ["01_basics/01_sums/localTests/correct/sums.py"] = "total = 6\n",
        ["01_basics/02_greeting/meta.yaml"] = """
            slug: greeting
            properties:
              studentSubmissionFiles: [greet.py]
              studentTemplates: [templates/greet.py]
              executionBackend: {slug: itpcp.exec.py}
            """,
        ["01_basics/02_greeting/templates/greet.py"] = "# print a greeting\n",
        ["01_basics/02_greeting/test.yaml"] =
            "type: python\nproperties:\n  tests:\n    - {name: out, type: stdout, tests: [{name: stdout, qualification: contains, pattern: Hello}]}\n",
        ["01_basics/02_greeting/greet.py"] = "print('Hello')\n",
        ["02_drafts/no_meta/test.yaml"] = "type: python\nproperties:\n  tests: []\n",
        ["02_drafts/bad_test/meta.yaml"] = "slug: bad\n",
        ["02_drafts/bad_test/test.yaml"] = "type: python\nproperties:\n  tests:\n    - {name: a, tests: [{name: x, vaule: 1}]}\n",
    };

    GitLabTestServer gitlab = null!;
    ComputorStack stack = null!;
    ServiceProcess runner = null!;
    string cache = null!;
    HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        gitlab = await GitLabTestServer.Start();
        gitlab.ImportPollsBeforeFinished = 1;
        cache = Directory.CreateTempSubdirectory("computor-reference-cache-").FullName;
        stack = await ComputorStack.Create(("COMPUTOR_TOKEN_SECRET", "specs-token-secret"), ("GitLab:RetryDelay", "00:00:00.010"),
            ("GitLab:ImportPoll", "00:00:00.020"));
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
        await gitlab.DisposeAsync();
        Directory.Delete(cache, recursive: true);
    }

    /// <summary>Deploys a course from a YAML document and pushes the material to its assignments repository.</summary>
    async Task<JsonObject> DeployWithMaterial(string organization)
    {
        var deployed = await admin.Deploy($"""
            organization:
              path: {organization}
              title: Demo University
              git: {"{"}provider: gitlab, url: "{gitlab.Url}", token: "{GitLabTestServer.Token}"{"}"}
            course_family: {"{"}path: prog, title: Programming{"}"}
            course: {"{"}path: prog1, title: Programming 1{"}"}
            members:
              - {"{"}username: {organization}-lecturer, email: lecturer@{organization}.test, role: lecturer{"}"}
            """);
        var task = await admin.Finished(deployed.Id());
        Assert.That(task["status"]!.GetValue<string>(), Is.EqualTo("finished"), task.ToJsonString());
        var course = await admin.Get($"/courses/{deployed.Id("course_id")}");
        using var material = await GitRepository.Clone(course["assignments_url"]!.GetValue<string>());
        await material.Commit(Material, "material");
        await material.Push();
        return course;
    }

    static object Student(string name) =>
        new { user = new { username = name, email = $"{name.Replace('-', '_')}@uni.test", given_name = name, family_name = "Student" } };

    static IReadOnlyList<string> Files(string url, string branch = "main")
    {
        using var repository = new LibGit2Sharp.Repository(new Uri(url).LocalPath);
        var tip = repository.Branches[branch]?.Tip;
        return tip is null ? [] : Walk(tip.Tree, "").Order(StringComparer.Ordinal).ToList();

        static IEnumerable<string> Walk(LibGit2Sharp.Tree tree, string prefix) => tree.SelectMany(e =>
            e.TargetType == LibGit2Sharp.TreeEntryTargetType.Tree ? Walk((LibGit2Sharp.Tree)e.Target, $"{prefix}{e.Name}/") : [$"{prefix}{e.Name}"]);
    }

    static string? Tip(string url)
    {
        using var repository = new LibGit2Sharp.Repository(new Uri(url).LocalPath);
        return repository.Branches["main"]?.Tip?.Sha;
    }

    [Test]
    public async Task Should_deploy_release_two_assignments_and_three_students_and_grade_a_pushed_solution()
    {
        var course = await DeployWithMaterial("demo-e2e");
        var courseId = course.Id();
        Assert.That(course["full_path"]!.GetValue<string>(), Is.EqualTo("demo-e2e/prog/prog1"));

        var contents = await admin.ReleaseContents(courseId, "01_basics/01_sums", "01_basics/02_greeting");
        Assert.That(contents["status"]!.GetValue<string>(), Is.EqualTo("finished"), contents.ToJsonString());
        Assert.That(ReleaseTasks.Outcomes(contents), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["01_basics"] = "created", ["01_basics/01_sums"] = "created", ["01_basics/02_greeting"] = "created",
        }));
        var template = Files(course["student_template_url"]!.GetValue<string>());
        Assert.That(template, Is.EqualTo(new[]
        {
            "01_basics/01_sums/README.md", "01_basics/01_sums/data.txt", "01_basics/01_sums/sums.py",
            "01_basics/02_greeting/greet.py",
        }), "the template holds the allow-list only");
        Assert.That(Files(course["reference_url"]!.GetValue<string>()), Has.Member("01_basics/01_sums/localTests/correct/sums.py")
            .And.Member("01_basics/01_sums/test.yaml").And.No.Member("02_drafts/no_meta/test.yaml"));

        var listed = await admin.GetFromJsonAsync<JsonArray>($"/course-contents?course_id={courseId}");
        var byPath = listed!.ToDictionary(c => c!["path"]!.GetValue<string>(), c => c!.AsObject());
        Assert.That(byPath.Keys, Is.EquivalentTo(new[] { "basics", "basics.sums", "basics.greeting" }));
        Assert.That(byPath["basics"]["kind"]!.GetValue<string>(), Is.EqualTo("unit"));
        Assert.That(byPath["basics.sums"]["position"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(byPath["basics.greeting"]["position"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(byPath["basics.sums"]["title"]!.GetValue<string>(), Is.EqualTo("Sums"));
        Assert.That(byPath["basics.sums"]["max_submissions"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(byPath["basics.greeting"]["released_commit"]!.GetValue<string>(), Is.EqualTo(Tip(course["reference_url"]!.GetValue<string>())),
            "the commit of the reference that holds the release");

        var names = new[] { "ada", "grace", "alan" };
        foreach (var name in names)
            gitlab.AddUser(name);
        gitlab.Fail(503, times: 2);
        var students = await admin.Finished((await admin.Post("/system/release/students",
            new { course_id = courseId, students = names.Select(Student) }, expectedStatus: 202)).Id());
        Assert.That(students["status"]!.GetValue<string>(), Is.EqualTo("finished"), students.ToJsonString());
        Assert.That(students["progress"]!.GetValue<string>(), Is.EqualTo("3 of 3"));
        Assert.That(ReleaseTasks.Outcomes(students).Values, Is.All.EqualTo("created"));
        foreach (var name in names)
        {
            var fork = $"demo-e2e/prog/prog1/students/{name}";
            Assert.That(gitlab.AccessLevel(fork, gitlab.AddUser(name)), Is.EqualTo(40), $"{name} is Maintainer of {fork}");
            Assert.That(gitlab.IsProtected(fork, "main"), Is.False);
        }

        var members = await admin.GetFromJsonAsync<JsonArray>($"/course-members?course_id={courseId}");
        var users = await admin.GetFromJsonAsync<JsonArray>("/users");
        var ada = users!.Single(u => u!["username"]!.GetValue<string>() == "ada")!.AsObject();
        var adaMember = members!.Single(m => m!["user_id"]!.GetValue<string>() == ada.Id().ToString())!.AsObject();
        Assert.That(adaMember["repository"]!["full_path"]!.GetValue<string>(), Is.EqualTo("demo-e2e/prog/prog1/students/ada"));

        using var clone = await GitRepository.Clone(adaMember["repository"]!["http_url_to_repo"]!.GetValue<string>());
        var version = await clone.Commit(new Dictionary<string, string> { ["01_basics/01_sums/sums.py"] = "total = 0\nfor n in [1, 2, 3]:\n    total += n\n" });
        await clone.Push();
        var token = (await admin.Post($"/users/{ada.Id()}/api-tokens", new { name = "vscode" }))["token"]!.GetValue<string>();
        var student = stack.Client(token);
        var queued = await student.Post("/tests", new { course_content_id = byPath["basics.sums"].Id(), version_identifier = version });
        var result = await RunnerCourse.Final(student, queued.Id());
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"), result.ToJsonString());
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0), result.ToJsonString());

        var again = await admin.Finished((await admin.Post("/system/release/students",
            new { course_id = courseId, students = names.Select(Student) }, expectedStatus: 202)).Id());
        Assert.That(ReleaseTasks.Outcomes(again).Values, Is.All.EqualTo("skipped"), "students who have a repository keep it");
    }

    [Test]
    public async Task Should_deploy_a_course_set_up_through_the_admin_api_and_never_show_the_token()
    {
        var organization = await admin.Post("/organizations", new
        {
            path = "demo-api", title = "Demo", git_provider = "gitlab", gitlab_url = gitlab.Url, gitlab_token = GitLabTestServer.Token,
        });
        var family = await admin.Post("/course-families", new { organization_id = organization.Id(), path = "prog", title = "Programming" });
        var course = await admin.Post("/courses", new { course_family_id = family.Id(), path = "prog1", title = "Programming 1" });

        var task = await admin.Finished((await admin.Post("/system/release/courses", new { course_id = course.Id() }, expectedStatus: 202)).Id());

        Assert.That(task["status"]!.GetValue<string>(), Is.EqualTo("finished"), task.ToJsonString());
        Assert.That((await admin.Get($"/courses/{course.Id()}"))["reference_url"]!.GetValue<string>(), Does.EndWith("demo-api/prog/prog1/reference.git"));
        var shown = (await admin.GetAsync($"/organizations/{organization.Id()}")).Content.ReadAsStringAsync();
        Assert.That(organization.ToJsonString() + await shown, Does.Not.Contain(GitLabTestServer.Token).And.Not.Contain("cipher"));
    }

    [Test]
    public async Task Should_change_nothing_when_the_same_material_is_released_again()
    {
        var course = await DeployWithMaterial("demo-again");
        await admin.ReleaseContents(course.Id(), "01_basics/01_sums");
        var templateTip = Tip(course["student_template_url"]!.GetValue<string>());

        var again = await admin.ReleaseContents(course.Id(), "01_basics/01_sums");

        Assert.That(again["status"]!.GetValue<string>(), Is.EqualTo("finished"), again.ToJsonString());
        Assert.That(ReleaseTasks.Outcomes(again)["01_basics/01_sums"], Is.EqualTo("unchanged"));
        Assert.That(Tip(course["student_template_url"]!.GetValue<string>()), Is.EqualTo(templateTip), "no new commit");
    }

    [TestCase("02_drafts/no_meta", "02_drafts/no_meta/meta.yaml: not found")]
    [TestCase("02_drafts/bad_test", "02_drafts/bad_test/test.yaml: properties.tests[0].tests[0].vaule: unknown key")]
    [TestCase("02_drafts/missing", "02_drafts/missing: directory not found")]
    public async Task Should_fail_bad_material_with_its_reason_and_push_nothing(string bad, string reason)
    {
        var course = await DeployWithMaterial($"demo-bad-{Math.Abs(bad.GetHashCode()) % 100000}");

        var task = await admin.ReleaseContents(course.Id(), "01_basics/01_sums", bad);

        Assert.That(task["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(task["reason"]!.GetValue<string>(), Does.StartWith(reason));
        Assert.That(Files(course["student_template_url"]!.GetValue<string>()), Is.Empty, "the good directory is not pushed either");
        Assert.That(await admin.GetFromJsonAsync<JsonArray>($"/course-contents?course_id={course.Id()}"), Is.Empty);
    }

    [Test]
    public async Task Should_show_progress_while_students_are_released_and_let_one_failure_not_stop_the_others()
    {
        var course = await DeployWithMaterial("demo-progress");
        await admin.ReleaseContents(course.Id(), "01_basics/01_sums");
        gitlab.AddUser("p-ada");
        gitlab.AddUser("p-grace");
        gitlab.HoldImport("demo-progress/prog/prog1/students/p-grace");

        var started = await admin.Post("/system/release/students",
            new { course_id = course.Id(), students = new[] { "p-ada", "p-grace", "p-nobody" }.Select(Student) }, expectedStatus: 202);
        var running = await Eventually.Until(() => admin.Get($"/tasks/{started.Id()}"), t => t["done"]!.GetValue<int>() == 2,
            "two of three students to be done while one fork is still importing");
        gitlab.FinishImport("demo-progress/prog/prog1/students/p-grace");
        var done = await admin.Finished(started.Id());

        Assert.That(running["status"]!.GetValue<string>(), Is.EqualTo("started"));
        Assert.That(running["progress"]!.GetValue<string>(), Is.EqualTo("2 of 3"));
        Assert.That(ReleaseTasks.Outcomes(done), Is.EquivalentTo(new Dictionary<string, string> { ["p-ada"] = "created", ["p-grace"] = "created", ["p-nobody"] = "failed" }));
        Assert.That(done["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(done["reason"]!.GetValue<string>(), Does.Contain("1 of 3 failed").And.Contain("GitLab has no user 'p-nobody'"));
    }

    [Test]
    public async Task Should_fail_a_student_with_the_gitlab_step_that_refused()
    {
        var course = await DeployWithMaterial("demo-refused");
        gitlab.AddUser("r-ada");
        gitlab.Fail(403, times: 1);

        var task = await admin.Finished((await admin.Post("/system/release/students",
            new { course_id = course.Id(), students = new[] { Student("r-ada") } }, expectedStatus: 202)).Id());

        Assert.That(task["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(task["reason"]!.GetValue<string>(), Does.Contain("GitLab answered 403"));
        Assert.That(task["reason"]!.GetValue<string>(), Does.Not.Contain(GitLabTestServer.Token));
    }

    [Test]
    public async Task Should_answer_bad_requests_before_starting_anything()
    {
        var course = await DeployWithMaterial("demo-input");

        var unknown = await admin.Post("/system/release/course-contents", new { course_id = Guid.NewGuid(), release_dir = "a" }, expectedStatus: 404);
        var noEmail = await admin.Post("/system/release/students",
            new { course_id = course.Id(), students = new[] { new { user = new { username = "no-mail" } } } }, expectedStatus: 400);
        var badYaml = await admin.Deploy("organization: {path: x, title: X}\ncourse_family: {path: f}\ncourse: {path: c, colour: red}\n", expectedStatus: 400);
        var badCsv = await ApiClient.Expect(await admin.PostAsync($"/system/release/students/csv?course_id={course.Id()}",
            new StringContent("email;role\ncsv-ok@uni.test;student\nbob@uni.test;wizard\n", Encoding.UTF8, "text/csv")), 400);

        var users = await admin.GetFromJsonAsync<JsonArray>("/users");
        var lecturer = users!.Single(u => u!["username"]!.GetValue<string>() == "demo-input-lecturer")!.AsObject();
        var lecturerClient = stack.Client((await admin.Post($"/users/{lecturer.Id()}/api-tokens", new { name = "cli" }))["token"]!.GetValue<string>());
        var byLecturer = await lecturerClient.Post("/system/release/course-contents", new { course_id = course.Id(), release_dir = "01_basics/01_sums" },
            expectedStatus: 202);
        var outsider = await admin.Post("/users", new { username = "outsider", email = "outsider@uni.test" });
        var outsiderClient = stack.Client((await admin.Post($"/users/{outsider.Id()}/api-tokens", new { name = "cli" }))["token"]!.GetValue<string>());
        await outsiderClient.Post("/system/release/course-contents", new { course_id = course.Id(), release_dir = "01_basics/01_sums" }, expectedStatus: 403);
        Assert.That((int)(await outsiderClient.GetAsync($"/tasks/{byLecturer.Id()}")).StatusCode, Is.EqualTo(404), "tasks are the course's lecturers' business");
        await lecturerClient.Deploy("organization: {path: x}\ncourse_family: {path: f}\ncourse: {path: c}\n", expectedStatus: 403);
        Assert.That((await lecturerClient.Finished(byLecturer.Id()))["status"]!.GetValue<string>(), Is.EqualTo("finished"), "a course's lecturer releases it");

        Assert.That(unknown["message"]!.GetValue<string>(), Is.EqualTo("course not found"));
        Assert.That(noEmail["message"]!.GetValue<string>(), Does.Contain("students[0]: a student needs an e-mail address"));
        Assert.That(badYaml["message"]!.GetValue<string>(), Does.StartWith("deploy.yaml: course.colour: unknown key (line 3)"));
        Assert.That(badCsv["message"]!.GetValue<string>(), Does.Contain("line 3: unknown role 'wizard'"));
        users = await admin.GetFromJsonAsync<JsonArray>("/users");
        Assert.That(users!.Select(u => u!["username"]!.GetValue<string>()), Has.None.EqualTo("no-mail").And.None.EqualTo("csv-ok"),
            "a refused list enrols nobody");
    }

    [Test]
    public async Task Should_import_members_from_csv_and_release_the_students_among_them()
    {
        var course = await DeployWithMaterial("demo-csv");
        gitlab.AddUser("c-ada");
        const string csv = "Vorname;Nachname;E-Mail;username;role\nAda;Lovelace;c_ada@uni.test;c-ada;student\n\"Hopper; Grace\";;c_grace@uni.test;c-grace;tutor\n";

        var started = await ApiClient.Expect(await admin.PostAsync($"/system/release/students/csv?course_id={course.Id()}",
            new StringContent(csv, Encoding.UTF8, "text/csv")), 202);
        var task = await admin.Finished(started.Id());

        Assert.That(ReleaseTasks.Outcomes(task), Is.EquivalentTo(new Dictionary<string, string> { ["c-ada"] = "created" }), "only students get repositories");
        var users = await admin.GetFromJsonAsync<JsonArray>("/users");
        var grace = users!.SingleOrDefault(u => u!["username"]!.GetValue<string>() == "c-grace") ?? throw new AssertionException(users!.ToJsonString());
        Assert.That(grace["given_name"]!.GetValue<string>(), Is.EqualTo("Hopper; Grace"));
        Assert.That(gitlab.AccessLevel("demo-csv/prog/prog1/students/c-ada", gitlab.AddUser("c-ada")), Is.EqualTo(40));
    }
}
