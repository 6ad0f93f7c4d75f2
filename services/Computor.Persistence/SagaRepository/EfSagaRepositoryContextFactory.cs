using Computor.Persistence.Scheduling;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Computor.Persistence.SagaRepository;

/// <summary>
/// MassTransit's saga repository contract on our EF Core model. One instance per message scope, so the saga
/// and whatever its activities change in <see cref="ComputorDb"/> (the mirrored result row) are saved by one
/// SaveChanges: one transaction. Conflicts surface as <see cref="DbUpdateConcurrencyException"/> and are
/// retried by the endpoint.
/// </summary>
public sealed class EfSagaRepositoryContextFactory<TSaga>(ComputorDb db, ISagaConsumeContextFactory<DbContext, TSaga> factory, IBus bus,
    WakeSignal<ScheduledMessageDispatcher> dispatcher) :
    ISagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    readonly SagaSchedule schedule = new(db, dispatcher);

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class =>
        next.Send(new EfSagaRepositoryContext<TSaga, T>(db, context, factory, schedule, bus.Topology));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var instances = await db.Set<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
        var repositoryContext = new EfSagaRepositoryContext<TSaga, T>(db, context, factory, schedule, bus.Topology);
        await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new EfSagaReadContext<TSaga>(db, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new EfSagaReadContext<TSaga>(db, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "computor-ef-core");
}
