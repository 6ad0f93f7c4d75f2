using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// Many test requests of one trivial Python assignment at once, each for its own commit, from concurrent
/// clients; and the check every drill ends with: each accepted request has exactly one final result.
/// </summary>
sealed class Burst : IDisposable
{
    static readonly Dictionary<string, string> Assignment = new()
    {
        ["test.yaml"] = "type: python\nproperties:\n  tests:\n    - name: total\n      tests: [{name: total}]\n",
        ["solution.py"] = "total = 6\n",
    };

    readonly RunnerCourse course;
    readonly HttpClient student;
    readonly ConcurrentDictionary<string, Guid> accepted = new();

    Burst(RunnerCourse course, HttpClient student, IReadOnlyList<string> versions) => (this.course, this.student, Versions) = (course, student, versions);

    public IReadOnlyList<string> Versions { get; }
    public IReadOnlyDictionary<string, Guid> Accepted => accepted;

    /// <summary>A released assignment and <paramref name="size"/> commits of a correct solution, each different.</summary>
    public static async Task<Burst> Prepare(ComputorStack stack, int size)
    {
        var course = await RunnerCourse.Create(stack.Admin(), Assignment);
        var versions = new List<string>();
        for (var i = 0; i < size; i++)
            versions.Add(await course.Push(new Dictionary<string, string> { ["solution.py"] = $"# attempt {i}\ntotal = 6\n" }));
        return new Burst(course, stack.Client(course.StudentToken), versions);
    }

    /// <summary>
    /// Sends the requests not yet accepted, <paramref name="clients"/> at a time; a request the system did not
    /// answer with 200 or 201 (a killed process, a database that is away) stays unaccepted, as for a client
    /// that will try again. Returns after every request was sent once.
    /// </summary>
    public async Task Send(int clients = 8, Func<int, Task>? afterAnswer = null)
    {
        var pending = new ConcurrentQueue<string>(Versions.Where(v => !accepted.ContainsKey(v)));
        var answered = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (pending.TryDequeue(out var version))
            {
                try
                {
                    using var response = await student.PostAsJsonAsync("/tests", course.TestRequest(version), ApiClient.Json);
                    if (response.IsSuccessStatusCode)
                        accepted[version] = (await response.Content.ReadFromJsonAsync<JsonObject>())!.Id();
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                if (afterAnswer is not null)
                    await afterAnswer(Interlocked.Increment(ref answered));
            }
        }));
    }

    /// <summary>
    /// Every accepted request ends in exactly one finished result, graded 1.0; nothing runs twice. The wait polls
    /// each run's status as the student's client does, so the API's answers (kept in memory while the database
    /// announces changes, ADR 23) must agree with the database soon after, whatever failed on the way.
    /// </summary>
    public async Task AssertEveryAcceptedRequestHasExactlyOneFinalResult(ComputorStack stack, TimeSpan? within = null)
    {
        var ids = string.Join(",", accepted.Values.Select(id => $"'{id}'"));
        await Eventually.Until(async () =>
            {
                await NotFinalAsAnswered();
                return await Database.Count(stack.Database, $"SELECT count(*) FROM results WHERE id IN ({ids}) AND status IN (0, 1, 2, 6)");
            }, n => n == accepted.Count, $"all {accepted.Count} accepted runs to be final",
            // A deadline for a stuck drill, not a speed goal: a full-size drill drains for minutes on one runner.
            within ?? TimeSpan.FromMinutes(3) + accepted.Count * TimeSpan.FromSeconds(0.5));
        // Well within the minute an answer may be kept: only announced changes make it agree this soon.
        await Eventually.Until(NotFinalAsAnswered, n => n == 0, "the API to answer every accepted run as final", TimeSpan.FromSeconds(15));
        var unfinished = await Database.Texts(stack.Database,
            $"SELECT concat(id, ' status ', status, ' grade ', grade, ': ', status_message) FROM results WHERE id IN ({ids}) AND NOT (status = 0 AND grade = 1)");
        Assert.That(unfinished, Is.Empty, "every accepted run finished with its grade");
        Assert.That(await Database.Count(stack.Database,
                "SELECT count(*) FROM (SELECT version_identifier FROM results GROUP BY version_identifier HAVING count(*) > 1) d"),
            Is.Zero, "no version was run twice");
        Assert.That(await Database.Count(stack.Database, "SELECT count(*) FROM student_test_sagas WHERE current_state <> 'Finished'"),
            Is.Zero, "every saga ended");
    }

    async Task<int> NotFinalAsAnswered()
    {
        var waiting = 0;
        foreach (var id in accepted.Values)
        {
            try
            {
                if (await student.GetFromJsonAsync<string>($"/results/{id}/status") is not ("finished" or "failed" or "cancelled"))
                    waiting++;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                waiting++; // the API or its database is away for the moment, as in some drills
            }
        }
        return waiting;
    }

    public void Dispose()
    {
        student.Dispose();
        course.Dispose();
    }
}
