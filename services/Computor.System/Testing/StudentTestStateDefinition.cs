using Computor.Contracts.Testing;
using Computor.Persistence.SagaRepository;
using Computor.Persistence.Sagas;
using Computor.ServiceDefaults;
using MassTransit;

namespace Computor.System.Testing;

public sealed class StudentTestStateDefinition : SagaDefinition<StudentTestState>
{
    // More partitions than the endpoint handles messages at once, so two runs rarely wait on one partition.
    const int Partitions = 32;

    public StudentTestStateDefinition() => EndpointName = SystemQueues.StudentTests;

    /// <summary>
    /// A run's messages are handled one after the other: a short run's start and completion arrive together when the
    /// queue has a backlog, and handled at once, one would lose the optimistic-concurrency race, be rolled back and
    /// retried. The retry stays for conflicts between service replicas.
    /// </summary>
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<StudentTestState> saga,
        IRegistrationContext context)
    {
        endpoint.UseSagaConcurrencyRetry(context);
        var partitioner = endpoint.CreatePartitioner(Partitions);
        saga.Message<SubmitStudentTest>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
        saga.Message<CancelStudentTest>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
        saga.Message<StudentTestRunStarted>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
        saga.Message<StudentTestRunCompleted>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
        saga.Message<StudentTestRunFailed>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
        saga.Message<StudentTestTimedOut>(m => m.UsePartitioner(partitioner, c => c.Message.CorrelationId));
        saga.Message<Fault<RunStudentTest>>(m => m.UsePartitioner(partitioner, c => c.Message.Message.CorrelationId));
    }
}
