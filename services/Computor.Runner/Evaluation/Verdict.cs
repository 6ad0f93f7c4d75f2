using Computor.Runner.Reports;

namespace Computor.Runner.Evaluation;

/// <summary>The outcome of one test: its result and the sentence that explains it.</summary>
public sealed record Verdict(string Result, string? Message, string Status = ReportStatus.Completed)
{
    public static Verdict Pass(string? message = null) => new(ReportResult.Passed, message);
    public static Verdict Fail(string message, string status = ReportStatus.Completed) => new(ReportResult.Failed, message, status);
    public static Verdict Skip(string message) => new(ReportResult.Skipped, message, ReportStatus.Skipped);
}
