using Computor.Material;

namespace Computor.Release;

/// <summary>
/// Releases assignment directories of a course's material: every directory is validated first
/// (meta.yaml present and readable, test.yaml valid), so bad material pushes nothing; then each one's
/// full content goes to the reference repository and its allow-listed part to the student template.
/// Releasing unchanged material again changes nothing.
/// </summary>
public sealed class AssignmentRelease(RepositoryPublisher publisher)
{
    sealed record Prepared(string Directory, AssignmentMeta Meta, IReadOnlyList<TemplateFile> Full, IReadOnlyList<TemplateFile> Template);

    /// <param name="source">A checkout of the course's material.</param>
    /// <param name="directories">Assignment directories inside it, e.g. <c>week1/sums</c>.</param>
    public IReadOnlyList<ReleasedAssignment> Release(string source, IReadOnlyList<string> directories, ReleaseTargets targets)
    {
        var prepared = directories.Select(d => Prepare(source, d)).ToList();
        return prepared.Select(p =>
        {
            var reference = publisher.Publish(targets.Reference, targets.Branch, p.Directory, p.Full, $"Release {p.Directory}");
            var template = publisher.Publish(targets.StudentTemplate, targets.Branch, p.Directory, p.Template, $"Release {p.Directory}");
            return new ReleasedAssignment(p.Directory, p.Meta.Slug, p.Meta.ExecutionBackend, reference.Commit, template.Commit,
                reference.Changed || template.Changed);
        }).ToList();
    }

    static Prepared Prepare(string source, string directory)
    {
        if (!AssignmentMetaReader.IsRelativeInside(directory))
            throw new MaterialException(directory, "", "a release directory must be a relative path inside the course's material");
        var path = Path.Combine(source, directory);
        if (!Directory.Exists(path))
            throw new MaterialException(directory, "", "directory not found in the course's material");
        if (!File.Exists(Path.Combine(path, "meta.yaml")))
            throw new MaterialException($"{directory}/meta.yaml", "", "not found: every released assignment needs one");
        try
        {
            var meta = AssignmentMetaReader.Read(Path.Combine(path, "meta.yaml"));
            TestSuiteReader.Read(Path.Combine(path, "test.yaml"));
            return new Prepared(directory, meta, Full(path, directory), StudentTemplate.Build(path, directory, meta));
        }
        catch (MaterialException e)
        {
            throw e.In(directory);
        }
    }

    /// <summary>Every plain file of the directory; a symbolic link is refused, as in the template.</summary>
    static IReadOnlyList<TemplateFile> Full(string path, string directory)
    {
        var entries = new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).ToList();
        if (entries.FirstOrDefault(e => e.LinkTarget is not null) is { } link)
            throw new MaterialException(Path.GetRelativePath(path, link.FullName), "", "is a symbolic link; releases copy plain files only");
        return entries.OfType<FileInfo>()
            .Select(f => new TemplateFile($"{directory}/{Path.GetRelativePath(path, f.FullName).Replace('\\', '/')}", File.ReadAllBytes(f.FullName)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }
}
