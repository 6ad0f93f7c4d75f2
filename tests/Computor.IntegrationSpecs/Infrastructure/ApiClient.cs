using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>HTTP access to the API as a client sees it: snake_case JSON, token in <c>X-API-Token</c>.</summary>
static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static HttpClient Create(Uri address, string? token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Add("X-API-Token", token);
        return client;
    }

    public static async Task<JsonObject> Post(this HttpClient client, string path, object body, int expectedStatus = 201)
    {
        using var response = await client.PostAsJsonAsync(path, body, Json);
        return await Expect(response, expectedStatus);
    }

    public static async Task<JsonObject> Get(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await Expect(response, 200);
    }

    public static async Task<string> Status(this HttpClient client, Guid resultId)
    {
        using var response = await client.GetAsync($"/results/{resultId}/status");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return JsonSerializer.Deserialize<string>(body)!;
    }

    public static async Task<JsonObject> Expect(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body) as JsonObject ?? new JsonObject();
    }

    public static Guid Id(this JsonObject json, string field = "id") => Guid.Parse(json[field]!.GetValue<string>());
}
