using Computor.Contracts.Testing;
using MassTransit;

namespace Computor.Runner.Service;

/// <summary>Stops a cancelled run if this process is running it. Every runner instance hears every cancellation.</summary>
public sealed class StudentTestCancelledConsumer(RunningTests running) : IConsumer<StudentTestCancelled>
{
    public Task Consume(ConsumeContext<StudentTestCancelled> context)
    {
        running.Cancel(context.Message.CorrelationId);
        return Task.CompletedTask;
    }
}
