namespace Computor.Persistence.Scheduling;

/// <summary>A message to send at <see cref="DueAt"/>; the token id lets its scheduler cancel it.</summary>
public sealed class ScheduledMessage
{
    public Guid TokenId { get; set; }
    public required string Destination { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? TraceParent { get; set; }
}
