namespace Computor.Runner.Workspaces;

/// <summary>
/// Configuration section <c>Git</c>: the reference cache and the repository mirrors
/// (credentials: <see cref="Computor.Git.GitCredentialOptions"/>).
/// </summary>
public sealed class GitOptions
{
    public const string Section = "Git";

    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), $"computor-references-{Environment.UserName}");

    /// <summary>Reference checkouts kept; the least recently used beyond this are removed.</summary>
    public int CacheEntries { get; set; } = 64;

    /// <summary>Where the bare mirrors of checked-out repositories live; by default beside the reference cache.</summary>
    public string? MirrorDirectory { get; set; }

    /// <summary>Mirrors kept (one per repository, mostly one per student); the least recently used beyond this are removed.</summary>
    public int MirrorEntries { get; set; } = 1000;

    /// <summary>A repository larger than this is used for its run and then not kept (a student may push a huge one).</summary>
    public long MirrorMaxMegabytes { get; set; } = 256;

    public string Mirrors => MirrorDirectory ?? CacheDirectory + "-mirrors";
}
