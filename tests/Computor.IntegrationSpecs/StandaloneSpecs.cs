using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Standalone;
using Microsoft.AspNetCore.Builder;

namespace Computor.IntegrationSpecs;

/// <summary>
/// The README's first command, in-process: the standalone host (in-memory bus, SQLite, objects in a folder,
/// local git, the real sandboxed Python runner) toured through its HTTP API with the sample course.
/// </summary>
public class When_the_standalone_host_tours_the_sample_course
{
    StandaloneSettings settings = null!;
    WebApplication host = null!;
    IReadOnlyList<GradedAttempt> graded = null!;
    readonly StringWriter output = new();

    [OneTimeSetUp]
    public async Task Tour()
    {
        settings = StandaloneSettings.Fresh();
        // Short, so the scheduler's timeout of a run no runner takes can be seen to fire.
        // Submissions are sent all at once below: the one-request-per-second rule would answer most with 429.
        host = StandaloneHost.Build(settings, ["--StudentTest:QueueTimeout=00:00:02", "--TestRequests:PerUserPerSecond=100"]);
        await host.StartAsync();
        graded = await new SampleCourseTour(settings.Url, settings.AdminToken(host.Configuration), output).Run(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await host.DisposeAsync();
        Directory.Delete(settings.DataDirectory, recursive: true);
    }

    [Test]
    public void Every_attempt_is_graded()
    {
        Assert.That(graded.Select(g => (g.Assignment, g.Attempt)), Is.EquivalentTo(new[]
        {
            ("basics.greeting", "wrong"), ("basics.greeting", "correct"), ("basics.statistics", "wrong"), ("basics.statistics", "correct"),
        }));
        Assert.That(graded.Select(g => g.Status), Is.All.EqualTo("finished"), output.ToString());
    }

    [Test]
    public void A_correct_attempt_scores_full_marks()
    {
        foreach (var attempt in graded.Where(g => g.Attempt == "correct"))
        {
            Assert.That(attempt.Grade, Is.EqualTo(1.0), attempt.Assignment);
            Assert.That(attempt.Reasons, Is.Empty, attempt.Assignment);
        }
    }

    [Test]
    public void A_wrong_attempt_scores_less_and_says_why()
    {
        foreach (var attempt in graded.Where(g => g.Attempt == "wrong"))
        {
            Assert.That(attempt.Grade, Is.LessThan(1.0), attempt.Assignment);
            Assert.That(attempt.Reasons, Is.Not.Empty, attempt.Assignment);
        }
        Assert.That(output.ToString(), Does.Contain("Variable `greeting` has wrong length"));
    }

    [Test]
    public async Task Simultaneous_submissions_stay_within_the_limit_on_SQLite()
    {
        using var admin = ApiClient.Create(settings.Url, settings.AdminToken(host.Configuration));
        var (student, versions) = await Ada.PushesCommits(settings, admin, 6);
        using var _ = student;
        var greeting = (await admin.GetFromJsonAsync<JsonObject>($"/results/{graded.First(g => g.Assignment == "basics.greeting").ResultId}"))!["course_content_id"]!.GetValue<string>();

        var answers = await Task.WhenAll(versions.Select(async version =>
        {
            using var response = await student.PostAsJsonAsync("/tests", new { course_content_id = greeting, version_identifier = version, submit = true });
            return (int)response.StatusCode;
        }));

        // The sample's greeting allows three official submissions (meta.yaml maxSubmissions).
        Assert.That(answers.Count(a => a == 201), Is.EqualTo(3), string.Join(", ", answers));
        Assert.That(answers.Count(a => a == 400), Is.EqualTo(3));
    }

    [Test]
    public async Task The_scheduler_on_SQLite_fails_a_run_no_runner_takes()
    {
        using var admin = ApiClient.Create(settings.Url, settings.AdminToken(host.Configuration));
        var greeting = (await admin.GetFromJsonAsync<JsonObject>($"/results/{graded[0].ResultId}"))!;
        using var created = await admin.PostAsJsonAsync("/course-contents", new
        {
            course_id = await CourseOf(admin, greeting["course_content_id"]!.GetValue<string>()),
            path = "basics.octave", title = "Octave", directory = "01_basics/03_octave",
            execution_backend = "itpcp.exec.oct", released_commit = new string('a', 40),
        });
        var octave = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var (student, versions) = await Ada.PushesCommits(settings, admin, 1);
        using var _ = student;

        using var requested = await student.PostAsJsonAsync("/tests", new { course_content_id = octave, version_identifier = versions[0] });
        var id = (await requested.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var result = (await Eventually.Until(() => student.GetFromJsonAsync<JsonObject>($"/results/{id}"),
            r => r!["status"]!.GetValue<string>() != "queued", "the queue timeout", TimeSpan.FromSeconds(30)))!;

        // The standalone host has no MATLAB runner: the run waits in matlab-tests until its timeout fires.
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(result["status_message"]!.GetValue<string>(), Does.StartWith("No runner started the test within"));
    }

    static async Task<string> CourseOf(HttpClient admin, string content) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/course-contents/{content}"))!["course_id"]!.GetValue<string>();

    [Test]
    public void The_tour_shows_progress_while_the_tests_run()
    {
        Assert.That(output.ToString(), Does.Match(@"\d+\.\d s  .*queued|started"));
        Assert.That(output.ToString(), Does.Contain("4 finished"));
    }
}

/// <summary>`computor serve` stopped and started again on its data directory.</summary>
public class When_the_standalone_host_restarts
{
    StandaloneSettings settings = null!;
    IReadOnlyList<GradedAttempt> graded = null!;
    WebApplication restarted = null!;
    HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task TourStopAndStartAgain()
    {
        settings = StandaloneSettings.Fresh();
        // Its own flow, as its own process would be: MassTransit keeps a host's logger in an async-local context.
        graded = await Task.Run(async () =>
        {
            await using var first = StandaloneHost.Build(settings);
            await first.StartAsync();
            var tour = await new SampleCourseTour(settings.Url, settings.AdminToken(first.Configuration), TextWriter.Null).Run(CancellationToken.None);
            await first.StopAsync();
            return tour;
        });
        restarted = StandaloneHost.Build(settings);
        await restarted.StartAsync();
        admin = ApiClient.Create(settings.Url, settings.AdminToken(restarted.Configuration));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        await restarted.DisposeAsync();
        Directory.Delete(settings.DataDirectory, recursive: true);
    }

    [Test]
    public async Task The_course_is_still_there()
    {
        var courses = await admin.GetFromJsonAsync<JsonArray>("/courses");
        Assert.That(courses!.Select(c => c!["path"]!.GetValue<string>()), Does.Contain("basics"));
    }

    [Test]
    public async Task Results_keep_their_grades_and_reports()
    {
        foreach (var attempt in graded)
        {
            var result = await admin.GetFromJsonAsync<JsonObject>($"/results/{attempt.ResultId}");
            Assert.That(result!["status"]!.GetValue<string>(), Is.EqualTo("finished"));
            Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(attempt.Grade));
            Assert.That(result["result_json"]!["tests"]!.AsArray(), Is.Not.Empty, "the report from object storage");
        }
    }

    [Test]
    public async Task The_students_repository_still_holds_the_attempts()
    {
        var tested = await admin.GetFromJsonAsync<JsonObject>($"/results/{graded.Last(g => g.Attempt == "correct").ResultId}");
        var members = await admin.GetFromJsonAsync<JsonArray>("/course-members");
        var repository = members!.Select(m => m!["repository"]?["http_url_to_repo"]?.GetValue<string>())
            .Single(url => url?.EndsWith($"/{SampleCourseTour.Student}.git", StringComparison.Ordinal) == true);
        var clone = Directory.CreateTempSubdirectory("computor-restart-").FullName;
        var git = new TourGit(settings.AdminToken(restarted.Configuration));
        await git.Run(null, "clone", "-q", "--bare", repository!, clone);
        // Another spec may have pushed on top of the attempts since.
        var history = await git.Run(clone, "log", "--format=%H", "main");
        Directory.Delete(clone, recursive: true);
        Assert.That(history.Split('\n'), Does.Contain(tested!["version_identifier"]!.GetValue<string>()));
    }

    [Test]
    public async Task It_still_runs_tests()
    {
        var (student, versions) = await Ada.PushesCommits(settings, admin, 1);
        using var _ = student;
        var version = versions[0];
        var correct = graded.First(g => g.Attempt == "correct");
        var content = (await admin.GetFromJsonAsync<JsonObject>($"/results/{correct.ResultId}"))!["course_content_id"]!.GetValue<string>();
        var requested = await (await student.PostAsJsonAsync("/tests", new { course_content_id = content, version_identifier = version })).Content.ReadFromJsonAsync<JsonObject>();
        var result = (await Eventually.Until(() => student.GetFromJsonAsync<JsonObject>($"/results/{requested!["id"]}"),
            r => r!["status"]!.GetValue<string>() is "finished" or "failed", "the test after the restart", TimeSpan.FromMinutes(1)))!;
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0));
    }
}

/// <summary>The standalone host told, with the services' own variables, to use PostgreSQL, RabbitMQ and S3.</summary>
public class When_the_standalone_host_is_given_the_real_components
{
    StandaloneSettings settings = null!;
    WebApplication host = null!;
    IReadOnlyList<GradedAttempt> graded = null!;
    string database = null!;
    string broker = null!;

    [OneTimeSetUp]
    public async Task Tour()
    {
        settings = StandaloneSettings.Fresh();
        database = await Servers.Current.NewDatabase();
        broker = await Servers.Current.NewVirtualHost();
        var real = Servers.Storage.Settings().Append(("ConnectionStrings:Computor", database)).Append(("ConnectionStrings:RabbitMq", broker));
        host = StandaloneHost.Build(settings, real.Select(s => $"--{s.Item1}={s.Item2}").ToArray());
        await host.StartAsync();
        graded = await new SampleCourseTour(settings.Url, settings.AdminToken(host.Configuration), TextWriter.Null).Run(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await host.DisposeAsync();
        Directory.Delete(settings.DataDirectory, recursive: true);
    }

    [Test]
    public void The_tour_grades_as_on_the_embedded_defaults()
    {
        Assert.That(graded.Where(g => g.Attempt == "correct").Select(g => g.Grade), Is.All.EqualTo(1.0));
        Assert.That(graded.Where(g => g.Attempt == "wrong").Select(g => g.Grade), Is.All.LessThan(1.0));
    }

    [Test]
    public async Task Results_are_in_PostgreSQL_not_in_an_embedded_database()
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM results WHERE status = 0", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(graded.Count));
        Assert.That(Directory.GetFiles(settings.DataDirectory, "*.db"), Is.Empty);
    }

    [Test]
    public async Task Runs_went_through_RabbitMQ_and_reports_to_S3()
    {
        Assert.That(await Brokers.QueueLength(broker, "python-tests"), Is.Zero, "the runner queue exists on the broker and is drained");
        Assert.That(Directory.Exists(Path.Combine(settings.DataDirectory, "objects")), Is.False);
        using var admin = ApiClient.Create(settings.Url, settings.AdminToken(host.Configuration));
        var result = await admin.GetFromJsonAsync<JsonObject>($"/results/{graded[0].ResultId}");
        Assert.That(result!["result_json"]!["tests"]!.AsArray(), Is.Not.Empty);
    }
}

/// <summary>The tour's student, as a test of the host: her token, and commits pushed to her repository.</summary>
static class Ada
{
    public static async Task<(HttpClient Student, string[] Versions)> PushesCommits(StandaloneSettings settings, HttpClient admin, int count)
    {
        var users = await admin.GetFromJsonAsync<JsonArray>("/users");
        var ada = users!.Single(u => u!["username"]!.GetValue<string>() == SampleCourseTour.Student)!["id"]!.GetValue<string>();
        var token = (await (await admin.PostAsJsonAsync($"/users/{ada}/api-tokens", new { name = "spec" })).Content
            .ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var members = await admin.GetFromJsonAsync<JsonArray>("/course-members");
        var repository = members!.Select(m => m!["repository"]?["http_url_to_repo"]?.GetValue<string>())
            .Single(url => url?.EndsWith($"/{SampleCourseTour.Student}.git", StringComparison.Ordinal) == true)!;
        var clone = Directory.CreateTempSubdirectory("computor-ada-").FullName;
        try
        {
            var git = new TourGit(token);
            await git.Run(null, "clone", "-q", repository, clone);
            var versions = new List<string>();
            for (var i = 0; i < count; i++)
            {
                await git.Run(clone, "commit", "-q", "--allow-empty", "-m", $"commit {i}");
                versions.Add(await git.Run(clone, "rev-parse", "HEAD"));
            }
            await git.Run(clone, "push", "-q", "origin", "HEAD:main");
            return (ApiClient.Create(settings.Url, token), versions.ToArray());
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }
}
