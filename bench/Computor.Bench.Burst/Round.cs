using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.Bench.Burst;

/// <summary>
/// A burst: each student with a version posts a test of it at once (at most <c>clients</c>
/// in flight), then polls its status every 2 s as the client does, until all are final. A trickle: one run at a
/// time, its status polled closely, to see what orchestration adds to a run when nothing waits in a queue.
/// </summary>
static class Round
{
    public sealed record Run(double AcceptMs, DateTimeOffset Created, DateTimeOffset Started, DateTimeOffset Finished, string Status);

    /// <summary>
    /// How often the trickle looks at a run's status: the resolution of its overhead figure. Polling every 10 ms
    /// added ~5 ms on average to a figure meant to be the system's; one run's polls every 2 ms cost the API little,
    /// as the status comes from memory (ADR 23).
    /// </summary>
    public static readonly TimeSpan TricklePoll = TimeSpan.FromMilliseconds(2);

    public static async Task<List<Run>> Burst(Uri api, BenchCourse course, IReadOnlyList<string> versions, int clients)
    {
        var accepted = new ConcurrentBag<(string Token, Guid Id, double Ms)>();
        await AtOnce(course.Tokens.Zip(versions), clients, async student =>
        {
            var (token, version) = student;
            using var client = Client(api, token);
            var clock = Stopwatch.StartNew();
            var id = await Post(client, course, version);
            accepted.Add((token, id, clock.Elapsed.TotalMilliseconds));
        });

        // Every submission polled every 2 s, as real clients do, until it is final.
        var runs = new ConcurrentBag<Run>();
        await Task.WhenAll(accepted.Select(async a =>
        {
            using var client = Client(api, a.Token);
            while (true)
            {
                var status = JsonSerializer.Deserialize<string>(await client.GetStringAsync($"/results/{a.Id}/status"));
                if (status is "finished" or "failed" or "cancelled")
                    break;
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            runs.Add(await Final(client, a.Id, a.Ms));
        }));
        return [.. runs];
    }

    /// <summary>
    /// <c>count</c> runs one after another, each polled every <see cref="TricklePoll"/>: the time from posting to
    /// seeing it final, and the runner's own execution within it.
    /// </summary>
    public static async Task<List<(double EndToEndMs, Run Run)>> Trickle(Uri api, BenchCourse course, Func<int, string> newVersion, int count)
    {
        var runs = new List<(double, Run)>();
        for (var i = 0; i < count; i++)
        {
            // A student at a time, as a request a second is what one student may make.
            var student = i % course.Tokens.Count;
            using var client = Client(api, course.Tokens[student]);
            var version = newVersion(student);
            var clock = Stopwatch.StartNew();
            var id = await Post(client, course, version);
            var accepted = clock.Elapsed.TotalMilliseconds;
            while (JsonSerializer.Deserialize<string>(await client.GetStringAsync($"/results/{id}/status")) is not ("finished" or "failed" or "cancelled"))
                await Task.Delay(TricklePoll);
            var seen = clock.Elapsed.TotalMilliseconds;
            runs.Add((seen, await Final(client, id, accepted)));
        }
        return runs;
    }

    /// <summary>
    /// <c>count</c> tests of the assignment no runner serves, every student in turn, left queued: a fresh API and system
    /// service pay for compiling their code over their first few thousand POSTs (ADR 17), and services that meet a
    /// deadline have been running. Their versions name no commit, as nothing fetches them.
    /// </summary>
    public static async Task WarmServices(Uri api, BenchCourse course, int count, int clients)
    {
        for (var posted = 0; posted < count; posted += course.Tokens.Count)
        {
            await AtOnce(course.Tokens.Take(count - posted), clients, async token =>
            {
                using var client = Client(api, token);
                // One test request per second per student: a student's next one may come round sooner.
                while (true)
                {
                    var version = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
                    using var response = await client.PostAsJsonAsync("/tests", new { course_content_id = course.Unserved, version_identifier = version });
                    if (response.StatusCode != HttpStatusCode.TooManyRequests)
                    {
                        response.EnsureSuccessStatusCode();
                        break;
                    }
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }
            });
        }
    }

    /// <summary>
    /// The baseline of the POST's latency: every student asks the API's liveness probe, as many in flight and each on
    /// a connection of its own as in the burst. The probe reads no database and sends nothing, so its latency is what
    /// this machine, HTTP and the clients alone add to any request at that concurrency. Measured on the second pass:
    /// the POSTs are measured warm too, and a first pass reads two to four times slower at the median.
    /// </summary>
    public static async Task<List<double>> Probe(Uri api, BenchCourse course, int clients)
    {
        List<double> latencies = [];
        for (var pass = 0; pass < 2; pass++)
        {
            var measured = new ConcurrentBag<double>();
            await AtOnce(course.Tokens, clients, async token =>
            {
                using var client = Client(api, token);
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync("/health/live");
                response.EnsureSuccessStatusCode();
                measured.Add(clock.Elapsed.TotalMilliseconds);
            });
            latencies = [.. measured];
        }
        return latencies;
    }

    /// <summary>Every item's requests started at once, at most <c>clients</c> of them in flight.</summary>
    static async Task AtOnce<T>(IEnumerable<T> items, int clients, Func<T, Task> requests)
    {
        using var gate = new SemaphoreSlim(clients);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                await requests(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    static async Task<Guid> Post(HttpClient client, BenchCourse course, string version)
    {
        using var response = await client.PostAsJsonAsync("/tests", new { course_content_id = course.Content, version_identifier = version });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /tests answered {(int)response.StatusCode}: {body}");
        return Guid.Parse(body!["id"]!.GetValue<string>());
    }

    static async Task<Run> Final(HttpClient client, Guid id, double acceptMs)
    {
        var result = await client.GetFromJsonAsync<JsonObject>($"/results/{id}");
        return new Run(acceptMs, Time(result!["created_at"]), Time(result["started_at"]), Time(result["finished_at"]), result["status"]!.GetValue<string>());
    }

    static DateTimeOffset Time(JsonNode? node) => node is null ? default : node.GetValue<DateTimeOffset>();

    static HttpClient Client(Uri api, string token)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-API-Token", token);
        return client;
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }
}
