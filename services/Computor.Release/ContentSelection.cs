using Computor.Material;

namespace Computor.Release;

/// <summary>
/// Which directories of the material a release covers. A directory with a meta.yaml is an assignment;
/// <c>descendants</c> widens each given directory to every assignment below it (an assignment's own
/// subdirectories are its content, not more assignments); <c>ascendants</c> adds the enclosing
/// directories as units.
/// </summary>
public static class ContentSelection
{
    public static IReadOnlyList<string> Assignments(string material, IReadOnlyList<string> directories, bool descendants)
    {
        var given = directories.Select(d => d.TrimEnd('/')).Distinct().ToList();
        foreach (var directory in given)
            if (!AssignmentMetaReader.IsRelativeInside(directory) || directory.Split('/').Any(s => s is "" or "."))
                throw new MaterialException(directory, "", "a release directory must be a relative path inside the course's material");
        if (!descendants)
            return given.Count > 0 ? given : throw new ReleaseException("no release directory given: name one, or ask for descendants");

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in given.Count > 0 ? given : [""])
        {
            var path = Path.Combine(material, directory);
            if (!Directory.Exists(path))
                throw new MaterialException(directory, "", "directory not found in the course's material");
            Collect(material, path, found);
        }
        return found.Count > 0 ? found.ToList()
            : throw new ReleaseException($"no assignment (a directory with a meta.yaml) below {string.Join(", ", given.DefaultIfEmpty("the material's root"))}");
    }

    static void Collect(string material, string path, ISet<string> found)
    {
        if (File.Exists(Path.Combine(path, "meta.yaml")) && path != material)
        {
            found.Add(Path.GetRelativePath(material, path).Replace('\\', '/'));
            return;
        }
        foreach (var child in Directory.EnumerateDirectories(path))
            if (!Path.GetFileName(child).StartsWith('.') && new DirectoryInfo(child).LinkTarget is null)
                Collect(material, child, found);
    }

    /// <summary>Every directory enclosing one of the assignments, outermost first.</summary>
    public static IReadOnlyList<string> Units(IEnumerable<string> assignments) =>
        assignments.SelectMany(a =>
            {
                var segments = a.Split('/');
                return Enumerable.Range(1, segments.Length - 1).Select(n => string.Join('/', segments.Take(n)));
            })
            .Distinct()
            .OrderBy(u => u.Count(c => c == '/')).ThenBy(u => u, StringComparer.Ordinal)
            .ToList();
}
