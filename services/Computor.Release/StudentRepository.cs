namespace Computor.Release;

/// <summary>A student's repository as the course member records it (DOMAIN.md section 6, <c>properties.gitlab</c>).</summary>
public sealed record StudentRepository(string Url, string FullPath, string? WebUrl, string HttpUrlToRepo, long? ProjectId);
