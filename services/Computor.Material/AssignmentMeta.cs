namespace Computor.Material;

/// <summary>The parts of meta.yaml a runner uses. Everything else in the file is description for people.</summary>
public sealed record AssignmentMeta
{
    public static readonly AssignmentMeta Empty = new();

    public string? Slug { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> StudentSubmissionFiles { get; init; } = [];
    public IReadOnlyList<string> TestFiles { get; init; } = [];

    /// <summary>Extra files given to the student, copied into the template by file name.</summary>
    public IReadOnlyList<string> AdditionalFiles { get; init; } = [];

    /// <summary>Starter content for submission files, matched to them by file name.</summary>
    public IReadOnlyList<string> StudentTemplates { get; init; } = [];
    public string? ExecutionBackend { get; init; }
    public ExecutionSettings Settings { get; init; } = new();

    /// <summary>Legacy <c>properties.maxTestRuns</c> / <c>maxSubmissions</c>: a release copies them onto the course content.</summary>
    public int? MaxTestRuns { get; init; }
    public int? MaxSubmissions { get; init; }
}

/// <summary><c>properties.executionBackend.settings</c>: limits and environment for the run.</summary>
public sealed record ExecutionSettings
{
    public double? Timeout { get; init; }
    public int? MemoryLimitMb { get; init; }
    public int? CpuLimitSeconds { get; init; }
    public int? MaxProcesses { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
