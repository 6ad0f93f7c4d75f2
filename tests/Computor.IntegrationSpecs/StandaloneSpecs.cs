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
        host = StandaloneHost.Build(settings);
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
        var users = await admin.GetFromJsonAsync<JsonArray>("/users");
        var ada = users!.Single(u => u!["username"]!.GetValue<string>() == SampleCourseTour.Student)!["id"]!.GetValue<string>();
        var token = (await (await admin.PostAsJsonAsync($"/users/{ada}/api-tokens", new { name = "after restart" })).Content
            .ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var members = await admin.GetFromJsonAsync<JsonArray>("/course-members");
        var repository = members!.Select(m => m!["repository"]?["http_url_to_repo"]?.GetValue<string>())
            .Single(url => url?.EndsWith($"/{SampleCourseTour.Student}.git", StringComparison.Ordinal) == true)!;
        var clone = Directory.CreateTempSubdirectory("computor-restart-").FullName;
        var git = new TourGit(token);
        await git.Run(null, "clone", "-q", repository, clone);
        await git.Run(clone, "commit", "-q", "--allow-empty", "-m", "after the restart");
        await git.Run(clone, "push", "-q", "origin", "HEAD:main");
        var version = await git.Run(clone, "rev-parse", "HEAD");
        Directory.Delete(clone, recursive: true);

        using var student = ApiClient.Create(settings.Url, token);
        var correct = graded.First(g => g.Attempt == "correct");
        var content = (await admin.GetFromJsonAsync<JsonObject>($"/results/{correct.ResultId}"))!["course_content_id"]!.GetValue<string>();
        var requested = await (await student.PostAsJsonAsync("/tests", new { course_content_id = content, version_identifier = version })).Content.ReadFromJsonAsync<JsonObject>();
        var result = (await Eventually.Until(() => student.GetFromJsonAsync<JsonObject>($"/results/{requested!["id"]}"),
            r => r!["status"]!.GetValue<string>() is "finished" or "failed", "the test after the restart", TimeSpan.FromMinutes(1)))!;
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0));
    }
}
