namespace Computor.Material;

/// <summary>
/// specification.yaml: where a run finds its inputs and puts its outputs. Relative paths are taken
/// from the directory holding test.yaml, as Computor's tester does.
/// </summary>
public sealed record RunSpecification
{
    public required string StudentDirectory { get; init; }
    public required string ReferenceDirectory { get; init; }
    public required string TestDirectory { get; init; }
    public required string OutputDirectory { get; init; }
    public required string ArtifactDirectory { get; init; }
    public string OutputName { get; init; } = "testSummary.json";
    public bool? StoreGraphicsArtifacts { get; init; }
    public int? StudentTestCounter { get; init; }

    /// <summary>The layout Computor's editor integration uses: everything beside test.yaml.</summary>
    public static RunSpecification Default(string baseDirectory) => new()
    {
        StudentDirectory = Path.Combine(baseDirectory, "student"),
        ReferenceDirectory = Path.Combine(baseDirectory, "reference"),
        TestDirectory = Path.Combine(baseDirectory, "testprograms"),
        OutputDirectory = Path.Combine(baseDirectory, "output"),
        ArtifactDirectory = Path.Combine(baseDirectory, "output"),
    };

    public string ReportPath => Path.Combine(OutputDirectory, OutputName);
}
