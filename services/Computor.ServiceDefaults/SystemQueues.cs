namespace Computor.ServiceDefaults;

/// <summary>Queues of the system service that other services send commands to.</summary>
public static class SystemQueues
{
    /// <summary>The student-test saga's queue (submit and cancel commands).</summary>
    public const string StudentTests = "student-tests";

    /// <summary>MassTransit's scheduling commands, kept by the PostgreSQL-backed scheduler.</summary>
    public const string Scheduler = "scheduler";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
