namespace Computor.Material;

public static class RunSpecificationReader
{
    const string FileName = "specification.yaml";

    static readonly IReadOnlySet<string> Keys = new HashSet<string>
    {
        "executionDirectory", "studentDirectory", "referenceDirectory", "testDirectory", "outputDirectory",
        "artifactDirectory", "outputName", "storeGraphicsArtifacts", "studentTestCounter",
    };

    public static RunSpecification Read(string path, string baseDirectory)
    {
        if (!File.Exists(path))
            throw new MaterialException(FileName, "", $"file not found: {path}");
        var map = YamlMap.Load(FileName, File.ReadAllText(path));
        map.RejectUnknown(Keys);
        var defaults = RunSpecification.Default(baseDirectory);
        string Dir(string key, string fallback) => map.String(key) is { Length: > 0 } value ? Path.GetFullPath(value, baseDirectory) : fallback;
        var outputName = map.String("outputName") ?? defaults.OutputName;
        if (outputName.Contains('/') || outputName.Contains('\\') || outputName is "." or "..")
            throw map.Error("outputName", "must be a file name, not a path");
        return new RunSpecification
        {
            StudentDirectory = Dir("studentDirectory", defaults.StudentDirectory),
            ReferenceDirectory = Dir("referenceDirectory", defaults.ReferenceDirectory),
            TestDirectory = Dir("testDirectory", defaults.TestDirectory),
            OutputDirectory = Dir("outputDirectory", defaults.OutputDirectory),
            ArtifactDirectory = Dir("artifactDirectory", Dir("outputDirectory", defaults.ArtifactDirectory)),
            OutputName = outputName,
            StoreGraphicsArtifacts = map.Bool("storeGraphicsArtifacts"),
            StudentTestCounter = map.Integer("studentTestCounter"),
        };
    }
}
