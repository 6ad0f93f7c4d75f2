using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Computor.System.Testing;

/// <summary>
/// Two messages for one test may be handled at once (a start and a completion, say); the loser of the
/// optimistic-concurrency race is retried on fresh state. The in-memory outbox holds back what the saga
/// sends until its state is saved, so a failed attempt sends nothing.
/// </summary>
public sealed class StudentTestStateDefinition : SagaDefinition<StudentTestState>
{
    public StudentTestStateDefinition() => EndpointName = SystemQueues.StudentTests;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<StudentTestState> saga,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<DbUpdateConcurrencyException>();
            r.Handle<DbUpdateException>();
            r.Intervals(10, 20, 50, 100, 200, 500, 1000);
        });
        endpoint.UseInMemoryOutbox(context);
    }
}
