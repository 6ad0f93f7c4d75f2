using YamlDotNet.RepresentationModel;

namespace Computor.Material;

/// <summary>Reads test.yaml strictly: an unknown key or a wrong type stops the run with a clear reason.</summary>
public static class TestSuiteReader
{
    const string FileName = "test.yaml";

    static readonly IReadOnlySet<string> RootKeys = new HashSet<string> { "type", "name", "description", "version", "properties" };
    static readonly IReadOnlySet<string> SuiteKeys = With(TestProperties.Keys, "tests");
    static readonly IReadOnlySet<string> CollectionKeys = With(TestProperties.Keys,
        "type", "name", "description", "id", "successDependency", "setUpCodeDependency", "entryPoint", "file",
        "inputAnswers", "setUpCode", "tearDownCode", "tests");
    static readonly IReadOnlySet<string> TestKeys = With(TestProperties.Keys,
        "name", "description", "id", "value", "evalString", "pattern", "countRequirement", "allowEmpty");

    public static TestSuite Read(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new MaterialException(FileName, "", $"file not found ({Path.GetFileName(Path.GetDirectoryName(path))}/{FileName})");
        return Parse(System.IO.File.ReadAllText(path));
    }

    public static TestSuite Parse(string text)
    {
        var root = YamlMap.Load(FileName, text);
        root.RejectUnknown(RootKeys);
        var properties = root.Map("properties") ?? throw root.Error("properties", "is required (it holds the tests)");
        properties.RejectUnknown(SuiteKeys);
        var suiteProperties = TestProperties.Read(properties).Over(TestProperties.Defaults);
        var collections = properties.MapList("tests").Select((c, i) => Collection(c, i, suiteProperties)).ToList();
        if (collections.Count == 0)
            throw properties.Error("tests", "is required: a list of test collections");
        return new TestSuite
        {
            Type = root.String("type") ?? "python",
            Name = root.String("name"),
            Description = root.String("description"),
            Version = root.String("version"),
            Properties = suiteProperties,
            Collections = collections,
        };
    }

    static TestCollection Collection(YamlMap map, int index, TestProperties suite)
    {
        map.RejectUnknown(CollectionKeys);
        var type = map.String("type") ?? CollectionTypes.Variable;
        if (!CollectionTypes.All.Contains(type))
            throw map.Error("type", $"unknown collection type '{type}'; known: {string.Join(", ", CollectionTypes.All)}");
        var properties = TestProperties.Read(map).Over(suite);
        var tests = map.MapList("tests").Select(t => Test(t, properties)).ToList();
        if (tests.Count == 0)
            throw map.Error("tests", "is required: a list of tests");
        return new TestCollection
        {
            Index = index,
            Type = type,
            Name = map.RequiredString("name"),
            Description = map.String("description"),
            Id = map.String("id"),
            SuccessDependency = References(map, "successDependency"),
            SetUpCodeDependency = map.String("setUpCodeDependency"),
            EntryPoint = map.String("entryPoint"),
            File = map.String("file"),
            InputAnswers = InputAnswers(map),
            SetUpCode = Code(map, "setUpCode"),
            TearDownCode = Code(map, "tearDownCode"),
            Properties = properties,
            Tests = tests,
        };
    }

    static TestCase Test(YamlMap map, TestProperties collection)
    {
        map.RejectUnknown(TestKeys);
        return new TestCase
        {
            Name = map.RequiredString("name"),
            Description = map.String("description"),
            HasValue = map.Has("value"),
            Value = map.Node("value") is { } value ? YamlValues.ToJson(value) : null,
            EvalString = map.String("evalString"),
            Pattern = map.String("pattern"),
            CountRequirement = map.Integer("countRequirement"),
            AllowEmpty = map.Bool("allowEmpty") ?? false,
            Properties = TestProperties.Read(map).Over(collection),
        };
    }

    static IReadOnlyList<string> References(YamlMap map, string key) => map.Node(key) switch
    {
        null => [],
        YamlScalarNode s => [s.Value ?? ""],
        YamlSequenceNode => map.StringList(key),
        var other => throw map.Error(key, "expected a collection name, id or index, or a list of them", other),
    };

    /// <summary>inputAnswers: one string, or a list of lines.</summary>
    static string? InputAnswers(YamlMap map, string key = "inputAnswers") => map.Node(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        YamlSequenceNode => string.Join("\n", map.StringList(key)) + "\n",
        var other => throw map.Error(key, "expected text or a list of lines", other),
    };

    /// <summary>setUpCode/tearDownCode: a block of code, or a list of statements.</summary>
    static string? Code(YamlMap map, string key) => map.Node(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        YamlSequenceNode => string.Join("\n", map.StringList(key)),
        var other => throw map.Error(key, "expected code as text or a list of lines", other),
    };

    static HashSet<string> With(IReadOnlySet<string> keys, params string[] more) => [.. keys, .. more];
}
