namespace Computor.Runner.Workspaces;

/// <summary>Configuration section <c>Git</c>: the reference cache (credentials: <see cref="Computor.Git.GitCredentialOptions"/>).</summary>
public sealed class GitOptions
{
    public const string Section = "Git";

    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), $"computor-references-{Environment.UserName}");

    /// <summary>Reference checkouts kept; the least recently used beyond this are removed.</summary>
    public int CacheEntries { get; set; } = 64;
}
