namespace Computor.Runner.Sandboxing;

/// <summary>Limits for one sandboxed side of a run.</summary>
public sealed record SandboxLimits
{
    /// <summary>Wall time for the whole side, all collections together.</summary>
    public required int WallSeconds { get; init; }
    /// <summary>Default time for one collection when test.yaml sets no <c>timeout</c>.</summary>
    public required double CollectionTimeoutSeconds { get; init; }
    public required int CpuSeconds { get; init; }
    public required int MemoryMb { get; init; }
    public required int MaxProcesses { get; init; }
    public int MaxOpenFiles { get; init; } = 256;
    public int MaxFileSizeMb { get; init; } = 16;

    /// <summary>Bytes of stdout/stderr kept per collection; the rest is cut off and marked.</summary>
    public int OutputLimitBytes { get; init; } = 64 * 1024;

    /// <summary>Variables from meta.yaml's settings.env; nothing of the runner's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
