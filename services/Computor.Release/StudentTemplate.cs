using Computor.Material;

namespace Computor.Release;

/// <summary>
/// What a student receives of an assignment, by allow-list only (DOMAIN.md section 6): the assignment
/// text as README, its media files, meta.yaml's additionalFiles, and every studentSubmissionFile with
/// its template content or empty. Tests, solutions, localTests/ and meta.yaml never get in, because
/// nothing is copied that a rule does not name.
/// </summary>
public static class StudentTemplate
{
    const string Meta = "meta.yaml";

    /// <param name="assignment">The assignment directory in the assignments repository.</param>
    /// <param name="directory">The assignment's directory in the template repository.</param>
    public static IReadOnlyList<TemplateFile> Build(string assignment, string directory, AssignmentMeta meta)
    {
        var files = new Dictionary<string, TemplateFile>(StringComparer.Ordinal);
        void Add(string target, byte[] content, string from)
        {
            var path = $"{directory}/{target}";
            if (!files.TryAdd(path, new TemplateFile(path, content)))
                throw new MaterialException(Meta, "properties", $"two files would become {path} (the second from {from})");
        }

        var content = Path.Combine(assignment, "content");
        foreach (var text in Readable(content, "index*.md", SearchOption.TopDirectoryOnly))
        {
            var name = Path.GetFileName(text);
            if (name == "index.md")
                Add("README.md", Read(assignment, text), name);
            else if (name.StartsWith("index_", StringComparison.Ordinal))
                Add("README_" + name["index_".Length..], Read(assignment, text), name);
        }
        var media = Path.Combine(content, "mediaFiles");
        foreach (var file in Readable(media, "*", SearchOption.AllDirectories))
            Add("mediaFiles/" + Path.GetRelativePath(media, file).Replace('\\', '/'), Read(assignment, file), file);

        foreach (var additional in meta.AdditionalFiles)
            Add(Path.GetFileName(additional), Read(assignment, Existing(assignment, additional, "additionalFiles")), additional);

        var templates = meta.StudentTemplates.ToDictionary(t => Path.GetFileName(t), t => Existing(assignment, t, "studentTemplates"));
        foreach (var submission in meta.StudentSubmissionFiles)
        {
            var starter = templates.TryGetValue(Path.GetFileName(submission), out var template) ? Read(assignment, template) : [];
            Add(submission.Replace('\\', '/'), starter, submission);
        }
        return files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    static IEnumerable<string> Readable(string folder, string pattern, SearchOption search) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern, search).Order(StringComparer.Ordinal) : [];

    static string Existing(string assignment, string relative, string key)
    {
        var path = Path.Combine(assignment, relative);
        return File.Exists(path) ? path : throw new MaterialException(Meta, $"properties.{key}", $"'{relative}' not found in the assignment");
    }

    /// <summary>
    /// A file's bytes. A symbolic link, of the file or of a folder on its way, is refused: it could point
    /// at anything on the releasing host.
    /// </summary>
    static byte[] Read(string assignment, string path)
    {
        var root = Path.GetFullPath(assignment).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(path);
        var linked = !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || new FileInfo(full).LinkTarget is not null;
        for (var folder = Path.GetDirectoryName(full); !linked && folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
            linked = new DirectoryInfo(folder).LinkTarget is not null;
        if (linked)
            throw new MaterialException(Meta, "", $"'{Path.GetRelativePath(assignment, path)}' is a symbolic link or lies outside the assignment; releases copy plain files only");
        return File.ReadAllBytes(full);
    }
}
