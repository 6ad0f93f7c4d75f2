using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Computor.Material;

/// <summary>
/// Typed, validating access to one YAML mapping. Every error names the file, the key path and the
/// line, so a lecturer can find the mistake without reading our code.
/// </summary>
public sealed class YamlMap
{
    readonly YamlMappingNode node;

    public YamlMap(string file, string path, YamlMappingNode node)
    {
        File = file;
        Path = path;
        this.node = node;
    }

    public string File { get; }
    public string Path { get; }

    public static YamlMap Load(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new MaterialException(file, "", $"not valid YAML at line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new MaterialException(file, "", "expected a mapping of keys at the top level");
        return new YamlMap(file, "", root);
    }

    public IEnumerable<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public MaterialException Error(string key, string problem, YamlNode? at = null) =>
        new(File, KeyPath(key), at is null ? problem : $"{problem} (line {at.Start.Line})");

    /// <summary>Refuses keys this format does not define, naming the first one found.</summary>
    public void RejectUnknown(IReadOnlySet<string> known)
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
                throw new MaterialException(File, KeyPath(name), $"unknown key (line {key.Start.Line}); allowed here: {string.Join(", ", known.Order())}");
        }
    }

    public YamlNode? Node(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public string? String(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var other => throw Error(key, "expected text, found a " + Describe(other), other),
    };

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } value ? value : throw Error(key, "is required");

    public bool? Bool(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode { Value: var v } s => v?.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(key, $"expected true or false, found '{v}'", s),
        },
        var other => throw Error(key, "expected true or false, found a " + Describe(other), other),
    };

    public double? Number(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s when YamlValues.TryNumber(s.Value, out var d) => d,
        var other => throw Error(key, $"expected a number, found {Show(other)}", other),
    };

    public int? Integer(string key)
    {
        var value = Number(key);
        if (value is null)
            return null;
        if (value != Math.Floor(value.Value) || Math.Abs(value.Value) > int.MaxValue)
            throw Error(key, $"expected a whole number, found {value.Value.ToString(CultureInfo.InvariantCulture)}", Node(key));
        return (int)value.Value;
    }

    public YamlMap? Map(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode m => new YamlMap(File, KeyPath(key), m),
        var other => throw Error(key, "expected a mapping of keys, found " + Show(other), other),
    };

    public IReadOnlyList<YamlNode> List(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode seq => seq.Children.ToList(),
        var other => throw Error(key, "expected a list, found " + Show(other), other),
    };

    public IReadOnlyList<YamlMap> MapList(string key) => List(key)
        .Select((item, i) => item is YamlMappingNode m
            ? new YamlMap(File, $"{KeyPath(key)}[{i}]", m)
            : throw new MaterialException(File, $"{KeyPath(key)}[{i}]", $"expected a mapping of keys, found {Show(item)} (line {item.Start.Line})"))
        .ToList();

    public IReadOnlyList<string> StringList(string key) => List(key)
        .Select((item, i) => item is YamlScalarNode { Value: { } v }
            ? v
            : throw new MaterialException(File, $"{KeyPath(key)}[{i}]", $"expected text, found {Show(item)} (line {item.Start.Line})"))
        .ToList();

    static bool IsNull(YamlNode value) => value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };

    static string Show(YamlNode node) => node is YamlScalarNode s ? $"'{s.Value}'" : "a " + Describe(node);
}
