using Computor.Contracts.Release;
using MassTransit;

namespace Computor.System.Release;

/// <summary>A course-contents release: all selected directories are validated before anything is pushed.</summary>
public sealed class CourseContentsConsumer(CourseGit git, CourseContentRelease contents) : IConsumer<PublishCourseContents>
{
    public async Task Consume(ConsumeContext<PublishCourseContents> context)
    {
        var message = context.Message;
        var items = await ReleaseWork.Report("release", async () =>
        {
            var target = await git.For(message.CourseId, context.CancellationToken);
            var repositories = await target.Provider.EnsureCourse(target.Place, context.CancellationToken);
            return await contents.Release(target, repositories, message.Directories, message.Ascendants, message.Descendants,
                context.CancellationToken);
        });
        await context.Publish(new ReleaseItemsFinished { CorrelationId = message.CorrelationId, Items = items, Total = items.Count });
    }
}
