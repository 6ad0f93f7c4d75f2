namespace Computor.Persistence;

public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary>How often the relay looks for messages committed by other processes.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker before the batch is rolled back and retried.</summary>
    public TimeSpan OutboxPublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the scheduler looks for due messages; it bounds the precision of timeouts.</summary>
    public TimeSpan SchedulerPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
