using System.Security.Claims;
using Computor.Api.Auth;
using Computor.Api.Testing;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Tasks;

/// <summary>
/// <c>GET /tasks/{correlation_id}</c> (and the Prefect era's <c>GET /system/status/{id}</c>): the state of any
/// flow, read from its saga. Cheap: clients poll it every 2 s.
/// </summary>
static class TaskEndpoints
{
    public sealed record TaskView(Guid Id, string Flow, string State, string Status, string? Reason, Guid? ResultId,
        DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? DeadlineAt);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks/{correlationId:guid}", Task);
        api.MapGet("/system/status/{correlationId:guid}", Task);
    }

    static async Task<IResult> Task(Guid correlationId, ComputorDb db, ClaimsPrincipal caller, CancellationToken ct)
    {
            if (await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.CorrelationId == correlationId, ct) is { } release)
                return caller.IsAdmin() || await caller.RoleIn(db, release.CourseId, ct) >= CourseRole.Lecturer
                    ? Results.Ok(ReleaseTaskView.Of(release))
                    : ApiProblem.NotFound("task");
            if (await db.FindVisible(correlationId, caller, ct) is not { } result || result.TestSystemId != correlationId)
                return ApiProblem.NotFound("task");
            var saga = await db.StudentTests.AsNoTracking().SingleOrDefaultAsync(s => s.CorrelationId == correlationId, ct);
            var status = ResultView.StatusName(result.Status);
            // Before the system service has taken the command, the request exists only as the queued result.
            return Results.Ok(saga is null
                ? new TaskView(correlationId, "student_test", "Submitted", status, null, result.Id, result.CreatedAt, null, null)
                : new TaskView(correlationId, "student_test", saga.CurrentState, status, saga.Reason, result.Id, saga.CreatedAt, saga.UpdatedAt,
                    saga.DeadlineAt));
    }
}
