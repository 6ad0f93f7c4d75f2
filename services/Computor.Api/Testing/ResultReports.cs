using System.Text.Json.Nodes;
using Computor.Persistence.Entities;
using Computor.Storage;

namespace Computor.Api.Testing;

/// <summary>
/// The stored testSummary.json of a finished run, served as <c>result_json</c>. When object storage
/// cannot answer, the result still reads (with the summary from the database) rather than failing.
/// </summary>
public sealed class ResultReports(ReportStore store, ILogger<ResultReports> logger)
{
    public async Task<JsonObject?> Report(Result result, CancellationToken cancellationToken)
    {
        if (result.Status != ResultStatus.Finished || result.ReportLocation is not { } key)
            return null;
        try
        {
            if (await store.Report(key, cancellationToken) is not { } json || JsonNode.Parse(json) is not JsonObject report)
                return null;
            // The client reads the grade from the report as well (testSummary.json plus result_value).
            report["result_value"] = result.Grade;
            return report;
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e) || e is System.Text.Json.JsonException)
        {
            logger.LogWarning(e, "Report {Key} of result {ResultId} could not be read", key, result.Id);
            return null;
        }
    }
}
