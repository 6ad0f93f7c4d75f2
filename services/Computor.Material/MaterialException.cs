namespace Computor.Material;

/// <summary>
/// Course material that cannot be run as written. The message names the file, the key and the
/// problem, because it is shown to the lecturer (and the student) as the failed result's reason.
/// </summary>
public sealed class MaterialException(string file, string key, string problem)
    : Exception(key.Length == 0 ? $"{file}: {problem}" : $"{file}: {key}: {problem}")
{
    public string File { get; } = file;
    public string Key { get; } = key;
    public string Problem { get; } = problem;

    /// <summary>The same problem, its file named by the directory that holds it (for releases of many).</summary>
    public MaterialException In(string directory) => new($"{directory}/{File}", Key, Problem);
}
