namespace Computor.Api.Students;

/// <summary>
/// Announced maintenance (<c>Maintenance__Active</c>, <c>__Message</c>, <c>__ScheduledAt</c>): clients show it;
/// while it is active, test requests are refused with 503 and the message.
/// </summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    public bool Active { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
}
