using Computor.Git;

namespace Computor.Release;

/// <summary>Where a release goes: the student template and the reference (full assignments), on one branch.</summary>
public sealed record ReleaseTargets(GitRemote StudentTemplate, GitRemote Reference, string Branch = "main");
