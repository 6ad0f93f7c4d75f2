namespace Computor.IntegrationSpecs.Infrastructure;

static class Brokers
{
    /// <summary>An amqp:// URI where no broker listens, for processes that must run without one.</summary>
    public static string UnreachableBroker() => $"amqp://guest:guest@127.0.0.1:{Shell.FreePort()}/";

    /// <summary>Messages waiting in a queue, as the broker counts them right now.</summary>
    public static async Task<uint> QueueLength(string broker, string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
