namespace Computor.Runner.Service;

/// <summary>
/// A run's start, announced only once the run has gone on for a while (<see cref="WorkerOptions.StartNoticeDelay"/>).
/// Most runs end sooner: their completion, which carries the start time, is then the only message the saga handles,
/// one saga transaction and one broker message fewer per run. A long run shows as started, and its run timeout
/// starts, as before.
/// </summary>
sealed class StartNotice
{
    readonly CancellationTokenSource withdrawn = new();
    readonly Task sent;
    Task? settled;

    StartNotice(TimeSpan delay, Func<Task> announce) => sent = delay <= TimeSpan.Zero ? announce() : After(delay, announce);

    public static StartNotice Schedule(TimeSpan delay, Func<Task> announce) => new(delay, announce);

    async Task After(TimeSpan delay, Func<Task> announce)
    {
        // Withdrawing is the common case: it must not throw.
        await Task.Delay(delay, withdrawn.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!withdrawn.IsCancellationRequested)
            await announce();
    }

    /// <summary>
    /// Withdraws the notice if it has not left yet, or waits until the broker has it: the start must leave before
    /// the run's outcome. Settling again returns the first settlement.
    /// </summary>
    public Task Settle() => settled ??= Withdraw();

    async Task Withdraw()
    {
        await withdrawn.CancelAsync();
        try
        {
            await sent;
        }
        finally
        {
            withdrawn.Dispose();
        }
    }
}
