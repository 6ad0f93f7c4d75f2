namespace Computor.ServiceDefaults;

/// <summary>The queue every service sends MassTransit's scheduling commands to.</summary>
public static class SchedulerQueue
{
    public const string Name = "scheduler";
    public static readonly Uri Address = new($"queue:{Name}");
}
