using System.Net;
using System.Text.Json;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.IntegrationSpecs;

/// <summary>
/// Status polls and their tokens are answered from the API's memory while PostgreSQL announces changes (ADR 23).
/// Every change here is written straight to the database, as another API instance or the system service would:
/// kept for its minute, the old answer would outlive the deadlines below.
/// </summary>
public sealed class When_status_polls_are_answered_from_memory
{
    static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    ComputorStack stack = null!;
    DbContextOptions<ComputorDb> options = null!;
    SeededRun run = null!;
    HttpClient student = null!;

    [SetUp]
    public async Task Start()
    {
        stack = await ComputorStack.Create();
        await stack.StartApi();
        var builder = new DbContextOptionsBuilder<ComputorDb>();
        ComputorDb.Configure(builder, stack.Database);
        options = builder.Options;
        Guid userId;
        await using (var db = new ComputorDb(options))
        {
            run = await SeededRun.Create(db, "itpcp.exec.py");
            userId = await db.Results.Where(r => r.Id == run.ResultId)
                .Join(db.CourseMembers, r => r.CourseMemberId, m => m.Id, (_, m) => m.UserId).SingleAsync();
        }
        using var admin = stack.Admin();
        student = stack.Client((await admin.Post($"/users/{userId}/api-tokens", new { name = "vscode" }))["token"]!.GetValue<string>());
        var feed = stack.ApiService<ChangeFeed>();
        await Eventually.Until(() => Task.FromResult(feed.IsLive), live => live, "the API to listen for database changes");
    }

    [TearDown]
    public async Task Stop()
    {
        student.Dispose();
        await stack.DisposeAsync();
    }

    [Test]
    public async Task Should_show_a_status_the_system_service_changed_at_once()
    {
        Assert.That(await Status($"/results/{run.ResultId}/status"), Is.EqualTo("queued"));
        Assert.That(await Status($"/results/{run.ResultId}/status"), Is.EqualTo("queued"), "the second poll, from memory");
        Assert.That(await TestStatus(), Is.EqualTo("queued"));

        await using (var db = new ComputorDb(options))
            await db.Results.Where(r => r.Id == run.ResultId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResultStatus.Started));
        await Eventually.Until(() => Status($"/results/{run.ResultId}/status"), s => s == "started", "the started run's status", Prompt);
        await Eventually.Until(TestStatus, s => s == "started", "the status by test system id", Prompt);
    }

    [Test]
    public async Task Should_refuse_a_token_revoked_elsewhere_at_once()
    {
        Assert.That(await Status($"/results/{run.ResultId}/status"), Is.EqualTo("queued"));

        await using (var db = new ComputorDb(options))
            await db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
        await Eventually.Until(async () => (await student.GetAsync($"/results/{run.ResultId}/status")).StatusCode,
            code => code == HttpStatusCode.Unauthorized, "the revoked token to be refused", Prompt);
    }

    [Test]
    public async Task Should_hide_a_result_once_its_member_moved_to_another_user()
    {
        Assert.That(await Status($"/results/{run.ResultId}/status"), Is.EqualTo("queued"));

        await using (var db = new ComputorDb(options))
        {
            var other = new User { Username = $"other{Guid.NewGuid():N}"[..20], CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(other);
            await db.SaveChangesAsync();
            await db.CourseMembers.Where(m => db.Results.Any(r => r.Id == run.ResultId && r.CourseMemberId == m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.UserId, other.Id));
        }
        await Eventually.Until(async () => (await student.GetAsync($"/results/{run.ResultId}/status")).StatusCode,
            code => code == HttpStatusCode.NotFound, "someone else's result to be hidden", Prompt);
    }

    async Task<string> Status(string path)
    {
        using var response = await student.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync())!;
    }

    async Task<string> TestStatus()
    {
        using var response = await student.GetAsync($"/tests/status/{run.CorrelationId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await ApiClient.Expect(response, 200))["status"]!.GetValue<string>();
    }
}
