namespace Computor.Runner.Execution;

/// <summary>What one side (student or reference) produced: one entry per executed collection.</summary>
public sealed record SideRun
{
    public string? Interpreter { get; init; }
    public IReadOnlyList<CollectionRun> Collections { get; init; } = [];

    /// <summary>Per source file, token counts keyed "TYPE text"; read before any of the code ran.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Tokens { get; init; } = new Dictionary<string, Dictionary<string, int>>();
    public IReadOnlyDictionary<string, string> TokenErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>Linter findings per file; null when no linter is installed.</summary>
    public IReadOnlyDictionary<string, List<string>>? Lint { get; init; }

    /// <summary>Figures the side stored (only the student's are kept).</summary>
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];

    /// <summary>Why the side produced nothing at all (sandbox refused, executor killed, wall time).</summary>
    public string? Failure { get; init; }
    public bool TimedOut { get; init; }

    public static SideRun Failed(string reason, bool timedOut = false) => new() { Failure = reason, TimedOut = timedOut };
}

public sealed record CollectionRun
{
    public string? Error { get; init; }
    public bool TimedOut { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyDictionary<string, ObservedValue> Values { get; init; } = new Dictionary<string, ObservedValue>();
    public IReadOnlyList<string> Figures { get; init; } = [];
}

public sealed record Artifact(string Name, byte[] Data);
