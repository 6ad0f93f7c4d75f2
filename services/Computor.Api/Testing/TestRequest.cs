namespace Computor.Api.Testing;

/// <summary>The Prefect-era <c>POST /tests</c> body that existing clients send.</summary>
public sealed record TestRequest(
    Guid? CourseMemberId,
    Guid? CourseContentId,
    string? Directory,
    string? Project,
    string? ProviderUrl,
    string? VersionIdentifier,
    bool? Submit);
