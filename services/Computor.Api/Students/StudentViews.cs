using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Computor.Api.Testing;
using Computor.Persistence.Entities;

namespace Computor.Api.Students;

/// <summary>The shapes the student client reads (CLIENT_API.md), snake_case on the wire.</summary>
static class StudentViews
{
    public sealed record CourseRepository(string? ProviderUrl, string? FullPath);

    public sealed record StudentCourse(Guid Id, string Title, string Path, Guid OrganizationId, Guid CourseFamilyId, CourseRepository Repository)
    {
        public static StudentCourse Of(Course c) =>
            new(c.Id, c.Title, c.Path, c.OrganizationId, c.CourseFamilyId, new CourseRepository(c.ProviderUrl, c.FullPath));
    }

    public sealed record ContentKind(string Id, string Title, bool HasAscendants, bool HasDescendants, bool Submittable);

    public static readonly ContentKind[] Kinds =
    [
        new(CourseContentKinds.Assignment, "Assignment", HasAscendants: true, HasDescendants: false, Submittable: true),
        new(CourseContentKinds.Unit, "Unit", HasAscendants: true, HasDescendants: true, Submittable: false),
    ];

    public sealed record ContentType(string Id, string Slug, string Title, string? Color, string CourseContentKindId);

    public sealed record GroupRepository(string Provider, string? Url, string? FullPath, string? CloneUrl, string? WebUrl);

    public sealed record Group(Guid Id, int MaxGroupSize, int? MaxSubmissions, string? ExampleIdentifier, GroupRepository? Repository);

    /// <summary>The report and artifacts appear in the detail view only: the list leaves them out, not null.</summary>
    public sealed record LatestResult(Guid Id, string Status, double? Result, bool Submit, string VersionIdentifier, string TestSystemId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? ResultJson = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ResultArtifactView>? ResultArtifacts = null)
    {
        public static LatestResult Of(Result r) =>
            new(r.Id, ResultView.StatusName(r.Status), r.Grade, r.Submit, r.VersionIdentifier, r.TestSystemId.ToString());
    }

    public sealed record StudentContent(
        Guid Id, string Title, string Path, Guid CourseId, int Position, ContentType CourseContentType, string CourseContentKindId,
        string? TestingServiceId, string? Directory, int? MaxTestRuns, int ResultCount, bool Submitted, LatestResult? Result, Group? SubmissionGroup);

    public static ContentType TypeOf(CourseContent content) =>
        Kinds.Single(k => k.Id == content.Kind) is var kind
            ? new ContentType(kind.Id, kind.Id, kind.Title, null, kind.Id)
            : throw new InvalidOperationException();
}
