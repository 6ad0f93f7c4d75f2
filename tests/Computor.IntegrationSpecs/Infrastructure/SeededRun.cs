using Computor.Contracts.Testing;
using Computor.Persistence;
using Computor.Persistence.Entities;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>A queued result row with the course rows it belongs to, written straight to the database.</summary>
sealed record SeededRun(Guid CorrelationId, Guid ResultId, SubmitStudentTest Submit)
{
    public static async Task<SeededRun> Create(ComputorDb db, string executionBackend)
    {
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var organization = new Organization { Path = $"o{suffix}", Title = "Org", CreatedAt = now };
        db.Add(organization);
        var family = new CourseFamily { OrganizationId = organization.Id, Path = "f", Title = "Family", CreatedAt = now };
        db.Add(family);
        var course = new Course
        {
            OrganizationId = organization.Id, CourseFamilyId = family.Id, Path = "c", Title = "Course",
            AssignmentsUrl = "http://git.example.test/assignments.git", CreatedAt = now,
        };
        db.Add(course);
        var content = new CourseContent
        {
            CourseId = course.Id, Path = "week1.hello", Title = "Hello", Directory = "hello", ExecutionBackend = executionBackend,
            ReleasedCommit = new string('a', 40), CreatedAt = now,
        };
        var user = new User { Username = $"u{suffix}", CreatedAt = now };
        db.AddRange(content, user);
        var member = new CourseMember { CourseId = course.Id, UserId = user.Id, Role = CourseRole.Student, CreatedAt = now };
        db.Add(member);
        var result = new Result
        {
            CourseMemberId = member.Id, CourseContentId = content.Id, VersionIdentifier = new string('b', 40),
            Status = ResultStatus.Queued, TestSystemId = Guid.NewGuid(), CreatedAt = now,
        };
        db.Add(result);
        await db.SaveChangesAsync();

        var submit = new SubmitStudentTest
        {
            CorrelationId = result.TestSystemId,
            ResultId = result.Id,
            Assignment = new TestAssignment
            {
                CourseContentId = content.Id, Directory = "hello", ExecutionBackend = executionBackend,
                Reference = new CodeSource { RepositoryUrl = course.AssignmentsUrl, Commit = content.ReleasedCommit },
            },
            Student = new CodeSource { RepositoryUrl = "http://git.example.test/alice.git", Commit = result.VersionIdentifier },
            Limits = new TestLimits { TimeoutSeconds = 100_000 },
            Priority = 4,
            SubmittedAt = now,
        };
        return new SeededRun(result.TestSystemId, result.Id, submit);
    }
}
