using System.Security.Claims;
using Computor.Api.Testing;
using Computor.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Tasks;

/// <summary><c>GET /tasks/{correlation_id}</c>: the state of any flow, read from its saga.</summary>
static class TaskEndpoints
{
    public sealed record TaskView(Guid Id, string Flow, string State, string Status, string? Reason, Guid? ResultId,
        DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? DeadlineAt);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks/{correlationId:guid}", async (Guid correlationId, ComputorDb db, ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (await db.FindVisible(correlationId, caller, ct) is not { } result || result.TestSystemId != correlationId)
                return ApiProblem.NotFound("task");
            var saga = await db.StudentTests.AsNoTracking().SingleOrDefaultAsync(s => s.CorrelationId == correlationId, ct);
            var status = ResultView.StatusName(result.Status);
            // Before the system service has taken the command, the request exists only as the queued result.
            return Results.Ok(saga is null
                ? new TaskView(correlationId, "student_test", "Submitted", status, null, result.Id, result.CreatedAt, null, null)
                : new TaskView(correlationId, "student_test", saga.CurrentState, status, saga.Reason, result.Id, saga.CreatedAt, saga.UpdatedAt,
                    saga.DeadlineAt));
        });
    }
}
