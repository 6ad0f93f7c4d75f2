using Computor.Git;

namespace Computor.Release;

/// <summary>A deployed course's repositories, with the credential that may push to them.</summary>
public sealed record CourseRepositories(string FullPath, GitRemote Assignments, GitRemote StudentTemplate, GitRemote Reference);
