namespace Computor.Release;

/// <summary>Who a student repository is for: its path in the students group, a display name, the git server login.</summary>
public sealed record StudentAccount(string RepositoryPath, string Name, string Username);
