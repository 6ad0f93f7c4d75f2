using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.Bench.Burst;

/// <summary>
/// One burst: every student posts a test of the round's version at once (as many clients as students, at most
/// <c>clients</c> in flight), then polls its status every 2 s as the client does, until all are final.
/// </summary>
static class Round
{
    public sealed record Run(double AcceptMs, DateTimeOffset Created, DateTimeOffset Started, DateTimeOffset Finished, string Status);

    public static async Task<List<Run>> Burst(Uri api, BenchCourse course, string version, int clients)
    {
        var accepted = new ConcurrentBag<(string Token, Guid Id, double Ms)>();
        using var gate = new SemaphoreSlim(clients);
        await Task.WhenAll(course.Tokens.Select(async token =>
        {
            await gate.WaitAsync();
            try
            {
                using var client = Client(api, token);
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/tests", new { course_content_id = course.Content, version_identifier = version });
                var ms = clock.Elapsed.TotalMilliseconds;
                var body = await response.Content.ReadFromJsonAsync<JsonObject>();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"POST /tests answered {(int)response.StatusCode}: {body}");
                accepted.Add((token, Guid.Parse(body!["id"]!.GetValue<string>()), ms));
            }
            finally
            {
                gate.Release();
            }
        }));

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
            var result = await client.GetFromJsonAsync<JsonObject>($"/results/{a.Id}");
            runs.Add(new Run(a.Ms, Time(result!["created_at"]), Time(result["started_at"]), Time(result["finished_at"]), result["status"]!.GetValue<string>()));
        }));
        return [.. runs];
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
