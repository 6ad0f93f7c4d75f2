using System.Text.RegularExpressions;

namespace Computor.Material;

/// <summary>
/// Reads meta.yaml leniently where Computor is lenient (unknown keys are fine: the file describes
/// far more than a runner needs) and strictly where we rely on a value (types of the keys we use).
/// </summary>
public static class AssignmentMetaReader
{
    const string FileName = "meta.yaml";

    public static AssignmentMeta Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : AssignmentMeta.Empty;

    public static AssignmentMeta Parse(string text)
    {
        var root = YamlMap.Load(FileName, text);
        var properties = root.Map("properties");
        var backend = properties?.Map("executionBackend");
        var settings = backend?.Map("settings");
        return new AssignmentMeta
        {
            Slug = root.String("identifier") ?? root.String("slug"),
            Title = root.String("title"),
            MaxTestRuns = properties?.Integer("maxTestRuns"),
            MaxSubmissions = properties?.Integer("maxSubmissions"),
            StudentSubmissionFiles = Files(properties, "studentSubmissionFiles"),
            TestFiles = Files(properties, "testFiles"),
            AdditionalFiles = Files(properties, "additionalFiles"),
            StudentTemplates = Files(properties, "studentTemplates"),
            ExecutionBackend = backend?.String("slug"),
            Settings = settings is null ? new ExecutionSettings() : new ExecutionSettings
            {
                Timeout = settings.Number("timeout"),
                MemoryLimitMb = settings.Integer("memoryLimitMB"),
                CpuLimitSeconds = settings.Integer("cpuLimit"),
                MaxProcesses = settings.Integer("maxProcesses"),
                Environment = Environment(settings),
            },
        };
    }

    static IReadOnlyList<string> Files(YamlMap? properties, string key)
    {
        if (properties is null)
            return [];
        var files = properties.StringList(key);
        foreach (var file in files)
            if (!IsRelativeInside(file))
                throw properties.Error(key, $"'{file}' must be a relative path inside the assignment directory");
        return files;
    }

    /// <summary><c>env</c> as a list of <c>NAME=value</c> strings or <c>{name, value}</c> mappings.</summary>
    static Dictionary<string, string> Environment(YamlMap settings)
    {
        var result = new Dictionary<string, string>();
        foreach (var (item, i) in settings.List("env").Select((n, i) => (n, i)))
        {
            string? name, value;
            if (item is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text } && text.Contains('='))
                (name, value) = (text[..text.IndexOf('=')], text[(text.IndexOf('=') + 1)..]);
            else if (item is YamlDotNet.RepresentationModel.YamlMappingNode m)
            {
                var entry = new YamlMap(settings.File, $"{settings.KeyPath("env")}[{i}]", m);
                (name, value) = (entry.RequiredString("name"), entry.String("value") ?? "");
            }
            else
                throw settings.Error($"env[{i}]", "expected NAME=value or {name, value}", item);
            if (!Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$"))
                throw settings.Error($"env[{i}]", $"'{name}' is not a valid variable name", item);
            result[name] = value;
        }
        return result;
    }

    public static bool IsRelativeInside(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Replace('\\', '/').Split('/').Contains("..");
}
