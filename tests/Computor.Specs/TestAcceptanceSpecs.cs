using Computor.Api.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Computor.Specs;

public sealed class When_many_test_requests_arrive_at_once
{
    static TestAcceptance AtOnce(int count) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TestRequests:AtOnce"] = count.ToString() }).Build());

    [Test]
    public async Task Should_record_no_more_at_once_than_allowed_and_the_next_when_one_is_done()
    {
        var acceptance = AtOnce(2);
        var recording = 0;
        var most = 0;
        var release = new[] { new TaskCompletionSource(), new TaskCompletionSource(), new TaskCompletionSource() };
        var entered = release.Select(_ => new TaskCompletionSource()).ToArray();
        Task<IResult> Request(int i) => acceptance.Record(async () =>
        {
            most = Math.Max(most, Interlocked.Increment(ref recording));
            entered[i].SetResult();
            await release[i].Task;
            Interlocked.Decrement(ref recording);
            return Results.Ok(i);
        }, CancellationToken.None);

        var requests = Enumerable.Range(0, 3).Select(Request).ToList();
        await Task.WhenAll(entered[0].Task, entered[1].Task).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(entered[2].Task.IsCompleted, Is.False, "the third waits while two are recorded");

        release[0].SetResult();
        await entered[2].Task.WaitAsync(TimeSpan.FromSeconds(5));
        release[1].SetResult();
        release[2].SetResult();
        await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(most, Is.EqualTo(2));
    }

    [Test]
    public async Task Should_not_record_a_request_whose_client_left_while_it_waited()
    {
        var acceptance = AtOnce(1);
        var first = new TaskCompletionSource();
        var holding = acceptance.Record(async () => { await first.Task; return Results.Ok(); }, CancellationToken.None);
        using var left = new CancellationTokenSource();
        var recorded = false;
        var waiting = acceptance.Record(() => { recorded = true; return Task.FromResult(Results.Ok()); }, left.Token);

        await left.CancelAsync();
        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        first.SetResult();
        await holding;
        Assert.That(recorded, Is.False);
        Assert.That(await acceptance.Record(() => Task.FromResult(Results.Ok()), CancellationToken.None), Is.Not.Null, "its turn was not kept");
    }
}
