using Computor.Git;
using Computor.GitLab;

namespace Computor.Release;

/// <summary>
/// A course on GitLab as DOMAIN.md section 6 lays it out: groups <c>{organization}/{family}/{course}</c> and
/// <c>{course}/students</c>; projects <c>assignments</c>, <c>student-template</c> and <c>reference</c> in the
/// course group; per student a fork of the template in <c>students</c>. Pushes use the organization's token.
/// </summary>
public sealed class GitLabProvider(GitLabClient gitlab, string token) : IGitProvider
{
    sealed record Layout(GitLabGroup Course, GitLabGroup Students, GitLabProject Assignments, GitLabProject StudentTemplate, GitLabProject Reference);

    public async Task<CourseRepositories> EnsureCourse(CoursePlace place, CancellationToken cancellationToken)
    {
        var layout = await Ensure(place, cancellationToken);
        return new CourseRepositories(layout.Course.FullPath, Remote(layout.Assignments), Remote(layout.StudentTemplate), Remote(layout.Reference));
    }

    public async Task<StudentRepository> EnsureStudentRepository(CoursePlace place, StudentAccount student, CancellationToken cancellationToken)
    {
        var layout = await Ensure(place, cancellationToken);
        var userId = await gitlab.FindUser(student.Username, cancellationToken)
            ?? throw new ReleaseException($"GitLab has no user '{student.Username}' to make Maintainer of {layout.Students.FullPath}/{student.RepositoryPath}");
        var fork = await gitlab.EnsureFork(layout.StudentTemplate, layout.Students, student.RepositoryPath, student.Name, cancellationToken);
        await gitlab.EnsureMember(fork, userId, GitLabClient.Maintainer, cancellationToken);
        await gitlab.Unprotect(fork, "main", cancellationToken);
        return new StudentRepository(fork.HttpUrlToRepo, fork.PathWithNamespace, fork.WebUrl, fork.HttpUrlToRepo, fork.Id);
    }

    async Task<Layout> Ensure(CoursePlace place, CancellationToken cancellationToken)
    {
        var organization = await gitlab.EnsureGroup(place.Organization.Path, place.Organization.Title, null, cancellationToken);
        var family = await gitlab.EnsureGroup(place.Family.Path, place.Family.Title, organization, cancellationToken);
        var course = await gitlab.EnsureGroup(place.Course.Path, place.Course.Title, family, cancellationToken);
        var students = await gitlab.EnsureGroup("students", "Students", course, cancellationToken);
        return new Layout(
            course,
            students,
            await gitlab.EnsureProject("assignments", "Assignments", course, cancellationToken),
            await gitlab.EnsureProject("student-template", "Student template", course, cancellationToken),
            await gitlab.EnsureProject("reference", "Reference", course, cancellationToken));
    }

    /// <summary>GitLab takes a token as the password of any user name over HTTPS; oauth2 is its documented one.</summary>
    GitRemote Remote(GitLabProject project) =>
        new(project.HttpUrlToRepo, new GitCredential { UrlPrefix = project.HttpUrlToRepo, Username = "oauth2", Password = token });
}
