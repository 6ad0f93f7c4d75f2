using System.Security.Claims;
using Computor.Contracts.Testing;
using Computor.Api.Students;
using Computor.Persistence;
using Computor.ServiceDefaults;
using Computor.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Computor.Api.Testing;

static class TestEndpoints
{
    public sealed record CancelRequest(string? Reason);

    public sealed record ResultUpdate(bool? Submit);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tests", async (TestRequest body, TestSubmission submission, ClaimsPrincipal caller,
            IOptionsSnapshot<MaintenanceOptions> maintenance, CancellationToken ct) =>
            maintenance.Value.Active
                ? ApiProblem.Create(StatusCodes.Status503ServiceUnavailable, "MAINT_001", maintenance.Value.Message ?? "Testing is paused for maintenance")
                : await submission.Submit(body, caller, ct)).RequireRateLimiting(RequestLimits.TestRequests);

        api.MapGet("/tests/status/{id:guid}", async (Guid id, ComputorDb db, CoherentCache<Guid, ResultAccess.Visible> kept, ClaimsPrincipal caller,
            CancellationToken ct) =>
            await db.FindVisible(id, caller, kept, ct) is { } r
                ? Results.Ok(new { r.Id, Status = ResultView.StatusName(r.Status), r.StartedAt })
                : ApiProblem.NotFound("result"));

        api.MapGet("/results/{id:guid}", async (Guid id, ComputorDb db, ResultReports reports, ResultArtifacts artifacts, ClaimsPrincipal caller,
            CancellationToken ct) =>
            await db.FindVisible(id, caller, ct) is { } r
                ? Results.Ok(ResultView.Of(r, await reports.Report(r, ct)) with { ResultArtifacts = await artifacts.Of(r, ct) })
                : ApiProblem.NotFound("result"));

        api.MapGet("/results", ([FromQuery(Name = "course_content_id")] Guid? contentId, [FromQuery(Name = "submission_group_id")] Guid? groupId,
            [FromQuery(Name = "limit")] int? limit, ComputorDb db, ClaimsPrincipal caller, CancellationToken ct) =>
            db.ResultHistory(caller, contentId, groupId, Math.Clamp(limit ?? 20, 1, 100), ct));

        api.MapGet("/results/{id:guid}/artifacts/download", async (Guid id, ComputorDb db, ResultArtifacts artifacts, ClaimsPrincipal caller,
            CancellationToken ct) =>
            await db.FindVisible(id, caller, ct) is { } r
                ? Results.File(await artifacts.Zip(r, ct), "application/zip", $"result-{r.Id}-artifacts.zip")
                : ApiProblem.NotFound("result"));

        api.MapGet("/results/{id:guid}/artifacts", async (Guid id, ComputorDb db, ResultArtifacts artifacts, ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (await db.FindVisible(id, caller, ct) is not { } r)
                return ApiProblem.NotFound("result");
            var stored = await artifacts.Stored(r, ct);
            return Results.Ok(stored.Select(a => new { a.Name, Url = $"/results/{r.Id}/artifacts/{Uri.EscapeDataString(a.Name)}" }));
        });

        api.MapGet("/results/{id:guid}/artifacts/{name}", async (Guid id, string name, ComputorDb db, ReportStore store, ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (await db.FindVisible(id, caller, ct) is not { } r)
                return ApiProblem.NotFound("result");
            if (name != Path.GetFileName(name) || name.Length > 200)
                return ApiProblem.NotFound("artifact");
            return await store.Artifact(r.TestSystemId, name, ct) is { } stream
                ? Results.Stream(stream, ContentTypes.Of(name), name)
                : ApiProblem.NotFound("artifact");
        });

        // Clients poll this every 2 s: from memory while the database announces changes, and the body is a bare JSON string.
        api.MapGet("/results/{id:guid}/status", async (Guid id, ComputorDb db, CoherentCache<Guid, ResultAccess.Visible> kept, ClaimsPrincipal caller,
            CancellationToken ct) =>
            await db.FindVisible(id, caller, kept, ct) is { } r ? Results.Json(ResultView.StatusName(r.Status)) : ApiProblem.NotFound("result"));

        // Marks a tested version as the official submission; withdrawing one is not offered.
        api.MapPatch("/results/{id:guid}", async (Guid id, ResultUpdate body, ComputorDb db, OfficialSubmissions submissions,
            ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (body.Submit is not true)
                return ApiProblem.Invalid("submit", "only true is accepted: it marks this run as the official submission");
            return await db.FindVisible(id, caller, ct) is { } result
                ? await submissions.Exclusively(result.CourseMemberId, result.CourseContentId, () => submissions.Mark(result, ct), ct)
                : ApiProblem.NotFound("result");
        });

        api.MapPost("/results/{id:guid}/cancel", async (Guid id, CancelRequest? body, ComputorDb db, Persistence.Outbox.Outbox outbox,
            ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (Validation.Text("reason", body?.Reason, 500, required: false) is { } problem)
                return problem;
            if (await db.FindVisible(id, caller, ct) is not { } result)
                return ApiProblem.NotFound("result");
            if (ResultView.IsFinal(result.Status))
                return ApiProblem.Conflict("TEST_001", $"The test run is already {ResultView.StatusName(result.Status)}");
            outbox.Send(SystemQueues.Address(SystemQueues.StudentTests), new CancelStudentTest
            {
                CorrelationId = result.TestSystemId,
                Reason = body?.Reason ?? $"Cancelled by {caller.Identity?.Name}",
            });
            await db.SaveChangesAsync(ct);
            return Results.Accepted($"/results/{result.Id}", ResultView.Of(result));
        });
    }
}
