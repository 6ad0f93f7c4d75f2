using Computor.Contracts.Release;
using Computor.Material;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Release;
using Microsoft.EntityFrameworkCore;

namespace Computor.System.Release;

/// <summary>
/// Releases course contents: reads the assignments repository at its current commit, selects the
/// directories, validates them all, pushes the reference and the student template, then records each as a
/// course content (path and position from its directory, the released commit, backend and limits).
/// </summary>
public sealed class CourseContentRelease(ComputorDb db, AssignmentRelease release, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReleaseItem>> Release(CourseGit.Target target, CourseRepositories repositories,
        IReadOnlyList<string> directories, bool ascendants, bool descendants, CancellationToken cancellationToken)
    {
        using var material = MaterialCheckout.Clone(repositories.Assignments, "main");
        var assignments = ContentSelection.Assignments(material.Directory, directories, descendants);
        var released = release.Release(material.Directory, assignments, new ReleaseTargets(repositories.StudentTemplate, repositories.Reference));

        var items = new List<ReleaseItem>();
        if (ascendants)
            foreach (var unit in ContentSelection.Units(assignments))
                items.Add(await RecordUnit(target.Course.Id, unit, cancellationToken));
        foreach (var assignment in released)
            items.Add(await RecordAssignment(target.Course.Id, material.Directory, assignment, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return items;
    }

    async Task<ReleaseItem> RecordUnit(Guid courseId, string directory, CancellationToken cancellationToken)
    {
        var (path, position) = ContentPath.Of(directory);
        var (content, created) = await Find(courseId, path, ContentPath.Title(directory), cancellationToken);
        content.Kind = CourseContentKinds.Unit;
        content.Position = position;
        return new ReleaseItem(directory, created ? ReleaseItem.Created : ReleaseItem.Unchanged);
    }

    async Task<ReleaseItem> RecordAssignment(Guid courseId, string material, ReleasedAssignment assignment, CancellationToken cancellationToken)
    {
        var meta = AssignmentMetaReader.Read(Path.Combine(material, assignment.Directory, "meta.yaml"));
        var (path, position) = ContentPath.Of(assignment.Directory);
        var (content, created) = await Find(courseId, path, meta.Title ?? ContentPath.Title(assignment.Directory), cancellationToken);
        var changed = content.ReleasedCommit != assignment.ReferenceCommit || content.Directory != assignment.Directory;
        content.Kind = CourseContentKinds.Assignment;
        content.Title = meta.Title ?? content.Title;
        content.Position = position;
        content.Directory = assignment.Directory;
        content.ReleasedCommit = assignment.ReferenceCommit;
        content.ExecutionBackend = meta.ExecutionBackend;
        content.TimeoutSeconds = meta.Settings.Timeout is { } seconds ? (int)Math.Ceiling(seconds) : null;
        content.MemoryLimitMb = meta.Settings.MemoryLimitMb;
        content.MaxTestRuns = meta.MaxTestRuns ?? content.MaxTestRuns;
        content.MaxSubmissions = meta.MaxSubmissions ?? content.MaxSubmissions;
        return new ReleaseItem(assignment.Directory, created ? ReleaseItem.Created : changed ? ReleaseItem.Updated : ReleaseItem.Unchanged);
    }

    async Task<(CourseContent, bool Created)> Find(Guid courseId, string path, string title, CancellationToken cancellationToken)
    {
        if (await db.CourseContents.SingleOrDefaultAsync(c => c.CourseId == courseId && c.Path == path, cancellationToken) is { } existing)
            return (existing, false);
        var content = new CourseContent { CourseId = courseId, Path = path, Title = title, CreatedAt = clock.GetUtcNow() };
        db.CourseContents.Add(content);
        return (content, true);
    }
}
