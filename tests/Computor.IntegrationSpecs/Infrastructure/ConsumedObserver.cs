using MassTransit;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>Completes once <paramref name="times"/> matching messages were handled (or failed).</summary>
sealed class ConsumedObserver<T>(Func<T, bool> match, int times = 1) : IConsumeObserver where T : class
{
    readonly TaskCompletionSource<T> consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int seen;

    public Task<T> Consumed => consumed.Task;

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T message && match(message) && Interlocked.Increment(ref seen) >= times)
            consumed.TrySetResult(message);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class =>
        PostConsume(context);
}
