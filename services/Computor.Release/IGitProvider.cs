namespace Computor.Release;

/// <summary>
/// Where a course's repositories live (GitLab, or bare repositories on our own disk). Every call is
/// idempotent: what exists is found and kept, so a flow that is redelivered or re-run does no harm.
/// </summary>
public interface IGitProvider
{
    /// <summary>The course's groups and its assignments, student-template and reference repositories.</summary>
    Task<CourseRepositories> EnsureCourse(CoursePlace place, CancellationToken cancellationToken);

    /// <summary>The student's fork of the template, the student as Maintainer, <c>main</c> unprotected.</summary>
    Task<StudentRepository> EnsureStudentRepository(CoursePlace place, StudentAccount student, CancellationToken cancellationToken);
}
