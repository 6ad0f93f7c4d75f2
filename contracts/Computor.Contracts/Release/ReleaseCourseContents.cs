namespace Computor.Contracts.Release;

/// <summary>
/// Release assignment directories of the course's material (its assignments repository at its current commit)
/// into the reference repository and the student template, and record them as course contents.
/// </summary>
public sealed record ReleaseCourseContents
{
    public required Guid CorrelationId { get; init; }
    public required Guid CourseId { get; init; }

    /// <summary>Directories inside the material; empty with <see cref="Descendants"/> means all of it.</summary>
    public required IReadOnlyList<string> Directories { get; init; }

    /// <summary>Also record the enclosing directories as units.</summary>
    public bool Ascendants { get; init; }

    /// <summary>Release every assignment (directory with a meta.yaml) below the given directories too.</summary>
    public bool Descendants { get; init; }
}
