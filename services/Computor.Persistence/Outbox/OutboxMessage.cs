namespace Computor.Persistence.Outbox;

/// <summary>A message committed with the API's data change, waiting for the relay to publish it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }

    /// <summary>Queue address for a command; null publishes an event.</summary>
    public string? Destination { get; set; }

    /// <summary>W3C traceparent of the request that wrote the message, so the trace continues on the bus.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
