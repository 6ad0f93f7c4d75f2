namespace Computor.Material;

/// <summary>
/// The properties that cascade suite -> collection -> test. Null means "inherit"; the suite level
/// starts from <see cref="Defaults"/>.
/// </summary>
public sealed record TestProperties
{
    public string? Qualification { get; init; }
    public double? RelativeTolerance { get; init; }
    public double? AbsoluteTolerance { get; init; }
    public bool? TypeCheck { get; init; }
    public bool? ShapeCheck { get; init; }
    public bool? IgnoreClass { get; init; }
    public IReadOnlyList<int>? AllowedOccuranceRange { get; init; }
    public string? OccuranceType { get; init; }
    public double? Timeout { get; init; }
    public string? FailureMessage { get; init; }
    public string? SuccessMessage { get; init; }
    public bool? StoreGraphicsArtifacts { get; init; }
    public int? Verbosity { get; init; }

    public static readonly TestProperties Defaults = new()
    {
        Qualification = Qualifications.VerifyEqual,
        RelativeTolerance = 1e-12,
        AbsoluteTolerance = 1e-4,
        TypeCheck = true,
        ShapeCheck = true,
        IgnoreClass = false,
        AllowedOccuranceRange = [0, 0],
        OccuranceType = "NAME",
        StoreGraphicsArtifacts = false,
        Verbosity = 0,
    };

    /// <summary>These values where set, the parent's elsewhere.</summary>
    public TestProperties Over(TestProperties parent) => new()
    {
        Qualification = Qualification ?? parent.Qualification,
        RelativeTolerance = RelativeTolerance ?? parent.RelativeTolerance,
        AbsoluteTolerance = AbsoluteTolerance ?? parent.AbsoluteTolerance,
        TypeCheck = TypeCheck ?? parent.TypeCheck,
        ShapeCheck = ShapeCheck ?? parent.ShapeCheck,
        IgnoreClass = IgnoreClass ?? parent.IgnoreClass,
        AllowedOccuranceRange = AllowedOccuranceRange ?? parent.AllowedOccuranceRange,
        OccuranceType = OccuranceType ?? parent.OccuranceType,
        Timeout = Timeout ?? parent.Timeout,
        FailureMessage = FailureMessage ?? parent.FailureMessage,
        SuccessMessage = SuccessMessage ?? parent.SuccessMessage,
        StoreGraphicsArtifacts = StoreGraphicsArtifacts ?? parent.StoreGraphicsArtifacts,
        Verbosity = Verbosity ?? parent.Verbosity,
    };

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>
    {
        "qualification", "relativeTolerance", "absoluteTolerance", "typeCheck", "shapeCheck", "ignoreClass",
        "allowedOccuranceRange", "allowedOccurrenceRange", "occuranceType", "occurrenceType", "timeout",
        "failureMessage", "successMessage", "storeGraphicsArtifacts", "verbosity",
    };

    public static TestProperties Read(YamlMap map)
    {
        var range = map.Has("allowedOccuranceRange") ? "allowedOccuranceRange" : "allowedOccurrenceRange";
        var bounds = map.List(range);
        if (bounds.Count is not (0 or 2))
            throw map.Error(range, $"expected [min, max], found {bounds.Count} values");
        var qualification = map.String("qualification");
        if (qualification is not null && !Qualifications.All.Contains(qualification))
            throw map.Error("qualification", $"unknown qualification '{qualification}'; known: {string.Join(", ", Qualifications.All)}");
        return new TestProperties
        {
            Qualification = qualification,
            RelativeTolerance = map.Number("relativeTolerance"),
            AbsoluteTolerance = map.Number("absoluteTolerance"),
            TypeCheck = map.Bool("typeCheck"),
            ShapeCheck = map.Bool("shapeCheck"),
            IgnoreClass = map.Bool("ignoreClass"),
            AllowedOccuranceRange = bounds.Count == 0 ? null : Bounds(map, range, bounds),
            OccuranceType = map.String("occuranceType") ?? map.String("occurrenceType"),
            Timeout = Positive(map, "timeout"),
            FailureMessage = map.String("failureMessage"),
            SuccessMessage = map.String("successMessage"),
            StoreGraphicsArtifacts = map.Bool("storeGraphicsArtifacts"),
            Verbosity = map.Integer("verbosity"),
        };
    }

    static double? Positive(YamlMap map, string key) =>
        map.Number(key) is { } value && value <= 0 ? throw map.Error(key, "must be greater than 0") : map.Number(key);

    static int[] Bounds(YamlMap map, string key, IReadOnlyList<YamlDotNet.RepresentationModel.YamlNode> bounds) =>
        bounds.Select(b => b is YamlDotNet.RepresentationModel.YamlScalarNode s && int.TryParse(s.Value, out var n) && n >= 0
            ? n
            : throw map.Error(key, "expected two whole numbers [min, max]", b)).ToArray();
}
