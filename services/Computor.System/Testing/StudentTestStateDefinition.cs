using Computor.Persistence.SagaRepository;
using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;

namespace Computor.System.Testing;

public sealed class StudentTestStateDefinition : SagaDefinition<StudentTestState>
{
    public StudentTestStateDefinition() => EndpointName = SystemQueues.StudentTests;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<StudentTestState> saga,
        IRegistrationContext context) => endpoint.UseSagaConcurrencyRetry(context);
}
