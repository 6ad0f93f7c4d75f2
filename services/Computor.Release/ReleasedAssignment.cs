namespace Computor.Release;

/// <summary>One released assignment directory: what course contents record, and whether anything changed.</summary>
public sealed record ReleasedAssignment(
    string Directory,
    string? Slug,
    string? ExecutionBackend,
    string ReferenceCommit,
    string TemplateCommit,
    bool Changed);
