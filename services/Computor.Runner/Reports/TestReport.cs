using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Computor.Runner.Reports;

/// <summary>
/// One level of testSummary.json (report, collection or test); all three levels share this shape.
/// Field names and values follow Computor's report so existing clients can read ours.
/// </summary>
public sealed record TestReport
{
    public required DateTimeOffset Timestamp { get; init; }
    public string? Type { get; init; }
    public string? Version { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Status { get; init; }
    public required string Result { get; init; }
    public required ReportSummary Summary { get; init; }
    public string? StatusMessage { get; init; }
    public string? ResultMessage { get; init; }
    public string? Details { get; init; }
    public double Duration { get; init; }
    public JsonObject? Environment { get; init; }
    public JsonObject? Properties { get; init; }
    public JsonObject? Debug { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TestReport>? Tests { get; init; }

    /// <summary>Share of fully passed collections: <c>passed / max(total, 1)</c>.</summary>
    [JsonIgnore]
    public double Grade => (double)Summary.Passed / Math.Max(Summary.Total, 1);
}

public sealed record ReportSummary(int Total, int Passed, int Failed, int Skipped);

/// <summary>Values of <c>status</c> (how the run went) and <c>result</c> (what it found).</summary>
public static class ReportStatus
{
    public const string Completed = "COMPLETED";
    public const string TimedOut = "TIMEDOUT";
    public const string Crashed = "CRASHED";
    public const string Skipped = "SKIPPED";
    public const string Failed = "FAILED";
}

public static class ReportResult
{
    public const string Passed = "PASSED";
    public const string Failed = "FAILED";
    public const string Skipped = "SKIPPED";
}
