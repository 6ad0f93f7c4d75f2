namespace Computor.Contracts.Testing;

/// <summary>The assignment under test: where its released reference lives and how it is executed.</summary>
public sealed record TestAssignment
{
    public required Guid CourseContentId { get; init; }

    /// <summary>Assignment directory inside both the reference and the student repository.</summary>
    public required string Directory { get; init; }

    /// <summary>Execution backend slug from meta.yaml, e.g. <c>itpcp.exec.py</c>.</summary>
    public required string ExecutionBackend { get; init; }

    /// <summary>Assignments repository at the released commit.</summary>
    public required CodeSource Reference { get; init; }
}
