using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Persistence;
using Computor.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Computor.IntegrationSpecs;

/// <summary>The API and the system service both relay the outbox; together they deliver each message once.</summary>
[TestFixture]
public sealed class When_several_relays_share_one_outbox
{
    [Test]
    public async Task Should_publish_every_message_exactly_once()
    {
        await using var stack = await ComputorStack.Start();
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();

        foreach (var batch in ids.Chunk(30))
        {
            var options = new DbContextOptionsBuilder<ComputorDb>();
            ComputorDb.Configure(options, stack.Database);
            await using var db = new ComputorDb(options.Options);
            var outbox = new Outbox(db, new WakeSignal<OutboxRelay>());
            foreach (var id in batch)
                outbox.Publish(new StudentTestCancelled { CorrelationId = id, Reason = "relay spec" });
            await db.SaveChangesAsync();
        }

        await Eventually.Until(() => Task.FromResult(ids.Count(stack.Gate.Cancellations.ContainsKey)), n => n == ids.Count,
            "every message to arrive");
        // A relay deletes its rows after the broker confirmed them, so the outbox drains just after delivery.
        await Eventually.Until(() => Database.Count(stack.Database, "SELECT count(*) FROM outbox_messages"), n => n == 0,
            "the outbox to drain");
        Assert.That(ids.Select(id => stack.Gate.Cancellations[id]), Is.All.EqualTo(1), "no message was relayed twice");
    }
}
