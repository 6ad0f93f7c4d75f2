using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Computor.System.Release;

/// <summary>
/// The reports of students worked on in parallel arrive together; the loser of the optimistic-concurrency
/// race is retried on fresh state, so no report is lost.
/// </summary>
public sealed class ReleaseStateDefinition : SagaDefinition<ReleaseState>
{
    public ReleaseStateDefinition() => EndpointName = SystemQueues.Releases;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<ReleaseState> saga,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<DbUpdateConcurrencyException>();
            r.Handle<DbUpdateException>();
            r.Intervals(10, 20, 50, 100, 200, 500, 1000, 2000);
        });
        endpoint.UseInMemoryOutbox(context);
    }
}
