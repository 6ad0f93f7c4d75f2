namespace Computor.Persistence.Entities;

public sealed class Course
{
    public Guid Id { get; set; }
    public Guid CourseFamilyId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Path { get; set; }
    public required string Title { get; set; }

    /// <summary>Git server of the course's repositories (GitLab URL), null for local repositories.</summary>
    public string? ProviderUrl { get; set; }

    /// <summary>Full path of the course group on the git server.</summary>
    public string? FullPath { get; set; }

    /// <summary>Clone URL of the assignments (reference) repository that releases are tested against.</summary>
    public string? AssignmentsUrl { get; set; }

    /// <summary>Clone URL of the student template that students' repositories are forked from; set by deploy.</summary>
    public string? StudentTemplateUrl { get; set; }

    /// <summary>
    /// Clone URL of the reference repository, which a release fills with the full assignment directories;
    /// tests of released contents run against it. Null for courses set up by hand, which test against
    /// <see cref="AssignmentsUrl"/>.
    /// </summary>
    public string? ReferenceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
