using System.Text.Json.Nodes;
using Computor.Material;
using Computor.Runner.Reports;

namespace Computor.Runner.Evaluation;

/// <summary>
/// Builds testSummary.json from the verdicts. Counting follows Computor for interpreted languages:
/// the top level counts collections, a collection counts its tests, and only a fully passed
/// collection counts as passed.
/// </summary>
public static class SuiteEvaluator
{
    public static TestReport Evaluate(TestSuite suite, IReadOnlyList<CollectionEvidence> evidence, int firstIndex,
        DateTimeOffset startedAt, JsonObject environment)
    {
        var collections = new List<TestReport>();
        foreach (var collection in suite.Collections)
        {
            var blocker = SuiteDependencies.Resolve(suite, collection, collection.SuccessDependency, firstIndex)
                .FirstOrDefault(d => collections[d.Index].Result != ReportResult.Passed);
            var verdicts = blocker is null
                ? CollectionEvaluator.Evaluate(collection, evidence[collection.Index])
                : collection.Tests.Select(_ => Verdict.Skip($"Skipped: collection `{blocker.Name}` did not pass")).ToList();
            collections.Add(Collection(suite, collection, verdicts, evidence[collection.Index]));
        }
        var summary = Count(collections.Select(c => c.Result).ToList());
        var result = collections.Count == 0 || summary.Skipped == summary.Total ? ReportResult.Skipped
            : summary.Passed == summary.Total ? ReportResult.Passed
            : ReportResult.Failed;
        return new TestReport
        {
            Timestamp = startedAt,
            Type = suite.Type,
            Version = suite.Version,
            Name = suite.Name ?? "test",
            Description = suite.Description,
            Status = ReportStatus.Completed,
            Result = result,
            Summary = summary,
            ResultMessage = $"{summary.Passed} of {summary.Total} collections passed",
            Duration = Seconds(startedAt),
            Environment = environment,
            Tests = collections,
        };
    }

    static TestReport Collection(TestSuite suite, TestCollection collection, IReadOnlyList<Verdict> verdicts, CollectionEvidence evidence)
    {
        var tests = collection.Tests.Zip(verdicts, (test, verdict) => new TestReport
        {
            Timestamp = DateTimeOffset.UtcNow,
            Type = collection.Type,
            Name = test.Name,
            Description = test.Description,
            Status = verdict.Status,
            Result = verdict.Result,
            Summary = Count([verdict.Result]),
            ResultMessage = verdict.Message,
            Details = verdict.Result == ReportResult.Passed ? test.Properties.SuccessMessage
                : verdict.Result == ReportResult.Failed ? test.Properties.FailureMessage : null,
        }).ToList();
        var summary = Count(verdicts.Select(v => v.Result).ToList());
        var result = summary.Passed == summary.Total ? ReportResult.Passed
            : summary.Skipped > 0 ? ReportResult.Skipped
            : ReportResult.Failed;
        var status = verdicts.Select(v => v.Status).FirstOrDefault(s => s is ReportStatus.TimedOut or ReportStatus.Crashed)
                     ?? (result == ReportResult.Skipped && summary.Skipped == summary.Total ? ReportStatus.Skipped : ReportStatus.Completed);
        return new TestReport
        {
            Timestamp = DateTimeOffset.UtcNow,
            Type = collection.Type,
            Version = suite.Version,
            Name = collection.Name,
            Description = collection.Description,
            Status = status,
            Result = result,
            Summary = summary,
            StatusMessage = evidence.Student?.Error ?? evidence.StudentSide.Failure,
            ResultMessage = result == ReportResult.Passed ? collection.Properties.SuccessMessage : collection.Properties.FailureMessage,
            Debug = Output(evidence),
            Tests = tests,
        };
    }

    /// <summary>What the student's code printed, so a student can see why a run went wrong.</summary>
    static JsonObject? Output(CollectionEvidence evidence)
    {
        if (evidence.Student is not { } run || run.Stdout.Length == 0 && run.Stderr.Length == 0 && run.Figures.Count == 0)
            return null;
        var debug = new JsonObject { ["stdout"] = run.Stdout, ["stderr"] = run.Stderr };
        if (run.Figures.Count > 0)
            debug["figures"] = new JsonArray(run.Figures.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        return debug;
    }

    static ReportSummary Count(IReadOnlyList<string> results) => new(
        results.Count,
        results.Count(r => r == ReportResult.Passed),
        results.Count(r => r == ReportResult.Failed),
        results.Count(r => r == ReportResult.Skipped));

    static double Seconds(DateTimeOffset since) => Math.Round((DateTimeOffset.UtcNow - since).TotalSeconds, 3);
}
