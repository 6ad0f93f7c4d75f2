using System.Text.Json;
using Computor.Contracts.Release;
using Computor.Persistence.Sagas;

namespace Computor.Api.Tasks;

/// <summary>A release flow's progress: <c>n of m</c> items done and each item's outcome.</summary>
sealed record ReleaseTaskView(Guid Id, string Flow, string State, string Status, string? Reason, Guid CourseId, int? Total, int Done,
    int Succeeded, int Failed, string Progress, IReadOnlyList<ReleaseItem> Items, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ReleaseTaskView Of(ReleaseState saga)
    {
        var done = saga.Succeeded + saga.Failed;
        var status = saga.CurrentState switch
        {
            "Initial" => "queued",
            "Running" => "started",
            "Finished" => "finished",
            _ => "failed",
        };
        return new ReleaseTaskView(saga.CorrelationId, saga.Flow, saga.CurrentState == "Initial" ? "Submitted" : saga.CurrentState, status,
            saga.Reason, saga.CourseId, saga.Total, done, saga.Succeeded, saga.Failed, saga.Total is { } total ? $"{done} of {total}" : $"{done} of ?",
            JsonSerializer.Deserialize<List<ReleaseItem>>(saga.Items) ?? [], saga.CreatedAt, saga.UpdatedAt);
    }
}
