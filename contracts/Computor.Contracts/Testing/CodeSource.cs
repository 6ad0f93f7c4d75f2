namespace Computor.Contracts.Testing;

/// <summary>
/// Where code comes from: a git repository at a commit, or an uploaded artifact in object storage.
/// Credentials are never carried here; runners take them from their own configuration.
/// </summary>
public sealed record CodeSource
{
    public string? RepositoryUrl { get; init; }
    public string? Commit { get; init; }
    public string? ArtifactKey { get; init; }
}
