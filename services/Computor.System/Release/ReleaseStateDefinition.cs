using Computor.Persistence.SagaRepository;
using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;

namespace Computor.System.Release;

/// <summary>The reports of students worked on in parallel arrive together; each is retried until it is counted.</summary>
public sealed class ReleaseStateDefinition : SagaDefinition<ReleaseState>
{
    public ReleaseStateDefinition() => EndpointName = SystemQueues.Releases;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<ReleaseState> saga,
        IRegistrationContext context) => endpoint.UseSagaConcurrencyRetry(context);
}
