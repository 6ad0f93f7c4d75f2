using MassTransit;

namespace Computor.IntegrationSpecs.Infrastructure;

sealed class ConsumedObserver<T>(Func<T, bool> match) : IConsumeObserver where T : class
{
    readonly TaskCompletionSource<T> consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Consumed => consumed.Task;

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T message && match(message))
            consumed.TrySetResult(message);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class =>
        PostConsume(context);
}
