namespace Computor.GitLab;

/// <summary>A GitLab step that failed; the message names the step, the status and GitLab's own words.</summary>
public sealed class GitLabException(string message) : Exception(message);
