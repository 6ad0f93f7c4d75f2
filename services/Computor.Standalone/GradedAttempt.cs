using System.Globalization;
using System.Text.Json.Nodes;

namespace Computor.Standalone;

/// <summary>A tested attempt as the student reads it: status, grade and why tests failed.</summary>
public sealed record GradedAttempt(string Assignment, string Attempt, Guid ResultId, string Status, double? Grade, IReadOnlyList<string> Reasons)
{
    public static GradedAttempt From(string assignment, string attempt, JsonObject result)
    {
        var reasons = new List<string>();
        var report = result["result_json"] as JsonObject;
        foreach (var collection in report?["tests"]?.AsArray() ?? [])
            foreach (var test in collection?["tests"]?.AsArray() ?? [])
                if (test?["result"]?.GetValue<string>() != "PASSED")
                    reasons.Add($"{collection!["name"]} / {test!["name"]}: {test["resultMessage"]}");
        if (report?["error"] is { } error)
            reasons.Add(error.ToString());
        if (result["status_message"] is { } message && reasons.Count == 0)
            reasons.Add(message.ToString());
        return new(assignment, attempt, Guid.Parse(result["id"]!.GetValue<string>()), result["status"]!.GetValue<string>(), result["result"]?.GetValue<double>(), reasons);
    }

    public void WriteTo(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{Assignment}, {Attempt} attempt: {Status}, grade {(Grade is { } g ? g.ToString("0.00", CultureInfo.InvariantCulture) : "none")}");
        foreach (var reason in Reasons)
            output.WriteLine($"  - {reason}");
    }
}
