using Computor.Persistence.Scheduling;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Computor.Persistence.SagaRepository;

/// <summary>
/// Loads and stores one saga instance for one message. The DbContext is added as a payload so state machine
/// activities can change other rows (the result) inside the same unit of work, and so is a message scheduler
/// that keeps the saga's timeouts in that unit of work (<see cref="SagaSchedule"/>); saga consume contexts are
/// created over this scope, not over the bare message context, so these payloads are visible to them.
/// </summary>
sealed class EfSagaRepositoryContext<TSaga, TMessage> :
    ConsumeContextScope<TMessage>,
    SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    readonly ComputorDb db;
    readonly ISagaConsumeContextFactory<DbContext, TSaga> factory;

    public EfSagaRepositoryContext(ComputorDb db, ConsumeContext<TMessage> message, ISagaConsumeContextFactory<DbContext, TSaga> factory,
        SagaSchedule schedule, IBusTopology topology)
        : base(message, db, new ConsumeMessageSchedulerContext(message, _ => new MessageScheduler(schedule, topology)))
    {
        this.db = db;
        this.factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        var entry = db.Set<TSaga>().Add(instance);
        try
        {
            await db.SaveChangesAsync(CancellationToken);
            return await factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException)
        {
            // Another message created the instance first; MassTransit loads it instead.
            entry.State = EntityState.Detached;
            return default!;
        }
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await db.Set<TSaga>().SingleOrDefaultAsync(s => s.CorrelationId == correlationId, CancellationToken);
        return instance is null
            ? default!
            : await factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Add(context.Saga);
        await db.SaveChangesAsync(CancellationToken);
    }

    public async Task Update(SagaConsumeContext<TSaga> context)
    {
        if (context.Saga is ISagaVersion versioned)
            versioned.Version++;
        await db.SaveChangesAsync(CancellationToken);
    }

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Remove(context.Saga);
        await db.SaveChangesAsync(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    /// <summary>The message faulted: forget every change of this attempt, including rows activities touched.</summary>
    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        db.ChangeTracker.Clear();
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance,
        SagaConsumeContextMode mode) where T : class =>
        factory.CreateSagaConsumeContext(db, consumeContext, instance, mode);
}
