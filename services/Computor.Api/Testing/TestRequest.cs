namespace Computor.Api.Testing;

/// <summary>The <c>POST /tests</c> body existing clients send: a commit of the member's repository, or an uploaded artifact.</summary>
public sealed record TestRequest(
    Guid? CourseMemberId,
    Guid? CourseContentId,
    string? Directory,
    string? Project,
    string? ProviderUrl,
    string? VersionIdentifier,
    bool? Submit,
    Guid? ArtifactId = null);
