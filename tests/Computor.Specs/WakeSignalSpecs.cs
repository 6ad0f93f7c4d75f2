using Computor.Persistence;

namespace Computor.Specs;

public sealed class When_a_worker_is_woken_many_times_at_once
{
    sealed class Worker;

    [Test]
    public async Task Should_wake_it_once_and_again_after_it_looked()
    {
        var signal = new WakeSignal<Worker>();
        for (var i = 0; i < 100; i++)
            signal.Notify();

        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.True, "the first look finds the notices");
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.False, "a hundred notices are one wake-up");
        signal.Notify();
        Assert.That(await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None), Is.True, "a notice after the look wakes it again");
    }

    [Test]
    public void Should_not_throw_for_the_notices_that_find_one_pending()
    {
        // A throw caught inside costs a burst's commits dearly; count the throws on this thread.
        var signal = new WakeSignal<Worker>();
        var thread = Environment.CurrentManagedThreadId;
        var thrown = 0;
        void Count(object? sender, global::System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread)
                Interlocked.Increment(ref thrown);
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 100; i++)
                signal.Notify();
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        Assert.That(thrown, Is.Zero);
    }
}
