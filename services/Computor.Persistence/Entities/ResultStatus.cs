namespace Computor.Persistence.Entities;

/// <summary>Stored integers are those of the original system (DOMAIN.md section 5).</summary>
public enum ResultStatus
{
    Finished = 0,
    Failed = 1,
    Cancelled = 2,
    Scheduled = 3,
    Queued = 4,
    Started = 5,
    Crashed = 6,
    Deferred = 7,
}
