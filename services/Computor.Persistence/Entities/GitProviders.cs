namespace Computor.Persistence.Entities;

/// <summary>Where an organization's repositories live.</summary>
public static class GitProviders
{
    public const string GitLab = "gitlab";
    public const string Local = "local";

    public static bool IsKnown(string? provider) => provider is GitLab or Local;
}
