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
            return await store.Report(key, cancellationToken) is { } json ? JsonNode.Parse(json) as JsonObject : null;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or System.Text.Json.JsonException)
        {
            logger.LogWarning(e, "Report {Key} of result {ResultId} could not be read", key, result.Id);
            return null;
        }
    }
}
