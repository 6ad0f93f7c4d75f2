namespace Computor.Release;

/// <summary>The branch's commit after a publish, and whether the publish made it.</summary>
public sealed record PublishedCommit(string Commit, bool Changed);
