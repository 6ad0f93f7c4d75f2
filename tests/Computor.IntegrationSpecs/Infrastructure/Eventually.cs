namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>Waits for a condition with a deadline, so specs synchronise on what a user would see, not on sleeps.</summary>
static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        do
        {
            last = await read();
            if (done(last))
                return last;
            await Task.Delay(25);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"Timed out waiting for {what}; last seen: {last}");
        return last;
    }
}
