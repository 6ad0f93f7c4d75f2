using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Persistence.Sagas;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Computor.System.Testing;

/// <summary>
/// Applies a saga transition to the result row through the saga repository's own DbContext, so both are
/// committed by the same SaveChanges or not at all.
/// </summary>
static class ResultMirror
{
    public static async Task Apply(BehaviorContext<StudentTestState> context, Action<Result> change)
    {
        var db = context.GetPayload<ComputorDb>();
        var result = await db.Results.SingleOrDefaultAsync(r => r.TestSystemId == context.Saga.CorrelationId, context.CancellationToken)
            ?? throw new InvalidOperationException($"No result row for test {context.Saga.CorrelationId}");
        change(result);
    }
}
