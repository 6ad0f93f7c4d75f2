using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// Fault drills: a burst of test requests while one part of the system fails hard. Each ends in the same check:
/// every accepted request has exactly one final result, none lost, none run twice. CI runs them with 50
/// requests; <c>COMPUTOR_DRILL_SIZE</c> (the benchmark command) runs them larger.
/// </summary>
[NonParallelizable]
public sealed class When_a_part_of_the_system_fails_during_a_burst
{
    static int Size => int.TryParse(Environment.GetEnvironmentVariable("COMPUTOR_DRILL_SIZE"), out var size) && size > 0 ? size : 50;

    /// <summary>A third of the way in: the fault strikes while requests are still arriving and runs are under way.</summary>
    static bool AtAThird(int answered) => answered == Size / 3;

    [Test]
    public async Task Should_lose_nothing_when_a_runner_is_killed()
    {
        await using var system = await DrillSystem.Start(runners: 2);
        using var burst = await Burst.Prepare(system.Stack, Size);
        await burst.Send(afterAnswer: async answered =>
        {
            if (AtAThird(answered))
                await system.Runners[0].Kill();
        });
        await burst.AssertEveryAcceptedRequestHasExactlyOneFinalResult(system.Stack);
        Assert.That(burst.Accepted, Has.Count.EqualTo(Size));
    }

    [Test]
    public async Task Should_lose_nothing_when_rabbitmq_stops_and_comes_back()
    {
        await using var system = await DrillSystem.Start(runners: 1);
        using var burst = await Burst.Prepare(system.Stack, Size);
        try
        {
            await burst.Send(afterAnswer: async answered =>
            {
                if (AtAThird(answered))
                    await Servers.Current.StopBroker();
            });
        }
        finally
        {
            await Servers.Current.StartBroker();
        }
        // The API accepts while the broker is away: the outbox keeps what it accepted.
        Assert.That(burst.Accepted, Has.Count.EqualTo(Size));
        await burst.AssertEveryAcceptedRequestHasExactlyOneFinalResult(system.Stack);
    }

    [Test]
    public async Task Should_lose_nothing_when_postgresql_restarts()
    {
        await using var system = await DrillSystem.Start(runners: 1);
        using var burst = await Burst.Prepare(system.Stack, Size);
        await burst.Send(afterAnswer: async answered =>
        {
            if (AtAThird(answered))
                await Servers.Current.RestartDatabase();
        });
        // Requests refused while the database was away are sent again, as a client does.
        await burst.Send();
        Assert.That(burst.Accepted, Has.Count.EqualTo(Size));
        await burst.AssertEveryAcceptedRequestHasExactlyOneFinalResult(system.Stack);
    }

    [Test]
    public async Task Should_lose_nothing_when_the_system_service_is_killed()
    {
        await using var system = await DrillSystem.Start(runners: 1);
        using var burst = await Burst.Prepare(system.Stack, Size);
        await burst.Send(afterAnswer: async answered =>
        {
            if (AtAThird(answered))
                await system.System.Kill();
        });
        await system.StartSystem();
        Assert.That(burst.Accepted, Has.Count.EqualTo(Size));
        await burst.AssertEveryAcceptedRequestHasExactlyOneFinalResult(system.Stack);
    }

    [Test]
    public async Task Should_lose_nothing_when_the_api_is_killed_right_after_answering()
    {
        await using var system = await DrillSystem.Start(runners: 1);
        using var burst = await Burst.Prepare(system.Stack, Size);
        var killed = false;
        await burst.Send(afterAnswer: async answered =>
        {
            if (AtAThird(answered))
            {
                await system.Api.Kill();
                killed = true;
            }
        });
        Assert.That(killed);
        Assert.That(burst.Accepted, Has.Count.LessThan(Size), "requests after the kill were not answered");
        await system.StartApi();
        await burst.Send();
        Assert.That(burst.Accepted, Has.Count.EqualTo(Size));
        await burst.AssertEveryAcceptedRequestHasExactlyOneFinalResult(system.Stack);
    }
}
