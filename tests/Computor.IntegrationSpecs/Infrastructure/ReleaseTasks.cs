using System.Text;
using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>Release requests as a lecturer's tooling makes them, and waiting for their task to end.</summary>
static class ReleaseTasks
{
    public static async Task<JsonObject> Deploy(this HttpClient admin, string yaml, int expectedStatus = 202)
    {
        using var response = await admin.PostAsync("/system/deploy", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        return await ApiClient.Expect(response, expectedStatus);
    }

    public static Task<JsonObject> Finished(this HttpClient admin, Guid task) =>
        Eventually.Until(() => admin.Get($"/tasks/{task}"), t => t["status"]!.GetValue<string>() is "finished" or "failed",
            $"task {task} to end", TimeSpan.FromSeconds(60));

    public static async Task<JsonObject> ReleaseContents(this HttpClient admin, Guid course, params string[] directories) =>
        await admin.Finished((await admin.Post("/system/release/course-contents",
            new { course_id = course, release_dir_list = directories, ascendants = true }, expectedStatus: 202)).Id());

    public static Dictionary<string, string> Outcomes(JsonObject task) =>
        task["items"]!.AsArray().ToDictionary(i => i!["item"]!.GetValue<string>(), i => i!["outcome"]!.GetValue<string>());
}
