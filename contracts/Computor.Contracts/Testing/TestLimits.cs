namespace Computor.Contracts.Testing;

/// <summary>Resource limits for one run; null means the runner's default.</summary>
public sealed record TestLimits
{
    public required int TimeoutSeconds { get; init; }
    public int? MemoryLimitMb { get; init; }
    public int? CpuLimitSeconds { get; init; }
    public int? MaxProcesses { get; init; }
}
