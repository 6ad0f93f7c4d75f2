using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Computor.Persistence.Entities;

namespace Computor.Api.Testing;

/// <summary>A result as clients read it. <c>result_json</c> appears only once the run is final: the client treats it as done.</summary>
public sealed record ResultView(
    Guid Id,
    Guid CourseMemberId,
    Guid CourseContentId,
    string VersionIdentifier,
    bool Submit,
    string Status,
    double? Result,
    string TestSystemId,
    string? StatusMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    // Absent, not null, until the run is final: the client treats a result with a report as done.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? ResultJson,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ResultArtifactView>? ResultArtifacts = null)
{
    /// <param name="report">testSummary.json of a finished run, when object storage could provide it.</param>
    public static ResultView Of(Result r, JsonObject? report = null) => new(r.Id, r.CourseMemberId, r.CourseContentId, r.VersionIdentifier, r.Submit,
        StatusName(r.Status), r.Grade, r.TestSystemId.ToString(), r.StatusMessage, r.CreatedAt, r.StartedAt, r.FinishedAt,
        r.Status == ResultStatus.Finished && report is not null ? report : ReportOf(r));

    /// <summary>API strings of DOMAIN.md section 5; crashed reads as failed, scheduled as queued.</summary>
    public static string StatusName(ResultStatus status) => status switch
    {
        ResultStatus.Finished => "finished",
        ResultStatus.Failed or ResultStatus.Crashed => "failed",
        ResultStatus.Cancelled => "cancelled",
        ResultStatus.Started => "started",
        ResultStatus.Deferred => "deferred",
        _ => "queued",
    };

    public static bool IsFinal(ResultStatus status) =>
        status is ResultStatus.Finished or ResultStatus.Failed or ResultStatus.Crashed or ResultStatus.Cancelled;

    /// <summary>
    /// The summary of the run; a run without a report has the error shape of the original system
    /// (<c>{"passed":0,"failed":1,"total":1,"error":...}</c>).
    /// </summary>
    static JsonObject? ReportOf(Result r) => r.Status switch
    {
        ResultStatus.Finished => new JsonObject
        {
            ["summary"] = new JsonObject { ["total"] = r.Total, ["passed"] = r.Passed, ["failed"] = r.Failed, ["skipped"] = r.Skipped },
            ["result_value"] = r.Grade,
            ["report_location"] = r.ReportLocation,
        },
        _ when IsFinal(r.Status) && r.TimedOut => new JsonObject
        {
            ["passed"] = 0, ["failed"] = 1, ["total"] = 1, ["error"] = r.StatusMessage ?? StatusName(r.Status), ["timeout"] = true,
        },
        _ when IsFinal(r.Status) => new JsonObject
        {
            ["passed"] = 0, ["failed"] = 1, ["total"] = 1, ["error"] = r.StatusMessage ?? StatusName(r.Status),
        },
        _ => null,
    };
}
