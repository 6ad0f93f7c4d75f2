using Computor.Contracts.Release;
using Computor.Persistence;
using MassTransit;

namespace Computor.System.Release;

/// <summary>
/// Deploys a course on its provider: groups and projects made or found, their URLs recorded on the course;
/// with <c>descendants</c>, every assignment of its material released too.
/// </summary>
public sealed class CourseRepositoriesConsumer(CourseGit git, ComputorDb db, CourseContentRelease contents) : IConsumer<CreateCourseRepositories>
{
    public async Task Consume(ConsumeContext<CreateCourseRepositories> context)
    {
        var message = context.Message;
        var items = await ReleaseWork.Report("course", async () =>
        {
            var target = await git.For(message.CourseId, context.CancellationToken);
            var repositories = await target.Provider.EnsureCourse(target.Place, context.CancellationToken);
            var course = target.Course;
            var changed = course.ReferenceUrl != repositories.Reference.Url || course.StudentTemplateUrl != repositories.StudentTemplate.Url;
            course.FullPath = repositories.FullPath;
            course.AssignmentsUrl = repositories.Assignments.Url;
            course.StudentTemplateUrl = repositories.StudentTemplate.Url;
            course.ReferenceUrl = repositories.Reference.Url;
            await db.SaveChangesAsync(context.CancellationToken);
            List<ReleaseItem> done = [new("course", changed ? ReleaseItem.Created : ReleaseItem.Unchanged)];
            if (message.ReleaseContents)
                done.AddRange(await contents.Release(target, repositories, [], ascendants: true, descendants: true, context.CancellationToken));
            return done;
        });
        await context.Publish(new ReleaseItemsFinished { CorrelationId = message.CorrelationId, Items = items, Total = items.Count });
    }
}
