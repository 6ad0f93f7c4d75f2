using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Computor.Persistence.SagaRepository;

public static class SagaEndpointExtensions
{
    /// <summary>
    /// Two messages for one saga may be handled at once; the loser of the optimistic-concurrency race is
    /// retried on fresh state. The in-memory outbox holds back what the saga sends until its state is saved,
    /// so a failed attempt sends nothing.
    /// </summary>
    public static void UseSagaConcurrencyRetry(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
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
