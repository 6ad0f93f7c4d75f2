using Computor.GitLab;

namespace Computor.Release;

/// <summary>A level of the course hierarchy: its path in GitLab and its title.</summary>
public sealed record CourseLevel(string Path, string Title);

/// <summary>A course's place in GitLab: its group, the students group and the three course projects.</summary>
public sealed record CourseLayout(
    GitLabGroup Course,
    GitLabGroup Students,
    GitLabProject Assignments,
    GitLabProject StudentTemplate,
    GitLabProject Reference);

/// <summary>
/// Makes a course's GitLab side as DOMAIN.md section 6 lays it out: groups
/// <c>{organization}/{family}/{course}</c> and <c>{course}/students</c>, projects <c>assignments</c>,
/// <c>student-template</c> and <c>reference</c> in the course group. Idempotent: what exists is kept.
/// </summary>
public sealed class CourseDeployment(GitLabClient gitlab)
{
    public async Task<CourseLayout> Ensure(CourseLevel organization, CourseLevel family, CourseLevel course, CancellationToken cancellationToken)
    {
        var organizationGroup = await gitlab.EnsureGroup(organization.Path, organization.Title, null, cancellationToken);
        var familyGroup = await gitlab.EnsureGroup(family.Path, family.Title, organizationGroup, cancellationToken);
        var courseGroup = await gitlab.EnsureGroup(course.Path, course.Title, familyGroup, cancellationToken);
        var students = await gitlab.EnsureGroup("students", "Students", courseGroup, cancellationToken);
        return new CourseLayout(
            courseGroup,
            students,
            await gitlab.EnsureProject("assignments", "Assignments", courseGroup, cancellationToken),
            await gitlab.EnsureProject("student-template", "Student template", courseGroup, cancellationToken),
            await gitlab.EnsureProject("reference", "Reference", courseGroup, cancellationToken));
    }
}
