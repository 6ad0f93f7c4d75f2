namespace Computor.Persistence.Entities;

/// <summary>A unit or assignment of a course; assignments carry what a test run needs.</summary>
public sealed class CourseContent
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }

    /// <summary>Dot-separated position in the course tree, e.g. <c>week1.hello</c>.</summary>
    public required string Path { get; set; }

    public required string Title { get; set; }
    public int Position { get; set; }

    /// <summary><c>assignment</c> (testable, has a directory) or <c>unit</c> (groups assignments).</summary>
    public string Kind { get; set; } = CourseContentKinds.Assignment;

    /// <summary>Assignment directory inside the assignments and student repositories.</summary>
    public string? Directory { get; set; }

    public string? ExecutionBackend { get; set; }

    /// <summary>Commit of the assignments repository this content was released at; null until released.</summary>
    public string? ReleasedCommit { get; set; }

    public int? MaxTestRuns { get; set; }
    public int? MaxSubmissions { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int? MemoryLimitMb { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
