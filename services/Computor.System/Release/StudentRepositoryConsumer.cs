using Computor.Contracts.Release;
using Computor.Persistence;
using Computor.Release;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Computor.System.Release;

/// <summary>
/// One student's repository: forked from the template, the student as Maintainer, <c>main</c> unprotected,
/// and recorded on the course member. A member that already has a repository is skipped.
/// </summary>
public sealed class StudentRepositoryConsumer(ComputorDb db, CourseGit git) : IConsumer<CreateStudentRepository>
{
    public async Task Consume(ConsumeContext<CreateStudentRepository> context)
    {
        var message = context.Message;
        var member = await db.CourseMembers.SingleOrDefaultAsync(m => m.Id == message.CourseMemberId, context.CancellationToken);
        var user = member is null ? null : await db.Users.AsNoTracking().SingleAsync(u => u.Id == member.UserId, context.CancellationToken);
        var name = user?.Username ?? $"member {message.CourseMemberId}";
        var items = await ReleaseWork.Report(name, async () =>
        {
            if (member is null || user is null)
                throw new ReleaseException("the course member does not exist");
            if (member.Repository.HttpUrlToRepo is not null)
                return [new ReleaseItem(name, ReleaseItem.Skipped, "has a repository already")];
            if (string.IsNullOrWhiteSpace(user.Email))
                throw new ReleaseException("has no e-mail address, which names the repository");

            var target = await git.For(member.CourseId, context.CancellationToken);
            var displayName = string.Join(' ', new[] { user.GivenName, user.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            var account = new StudentAccount(StudentRepositoryPath.FromEmail(user.Email), displayName.Length > 0 ? displayName : user.Username,
                user.Username);
            var repository = await target.Provider.EnsureStudentRepository(target.Place, account, context.CancellationToken);
            member.Repository.Url = repository.Url;
            member.Repository.FullPath = repository.FullPath;
            member.Repository.WebUrl = repository.WebUrl;
            member.Repository.HttpUrlToRepo = repository.HttpUrlToRepo;
            member.Repository.ProjectId = repository.ProjectId;
            await db.SaveChangesAsync(context.CancellationToken);
            return [new ReleaseItem(name, ReleaseItem.Created)];
        });
        await context.Publish(new ReleaseItemsFinished { CorrelationId = message.CorrelationId, Items = items });
    }
}
