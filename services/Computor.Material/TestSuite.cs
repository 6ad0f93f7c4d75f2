using System.Text.Json.Nodes;

namespace Computor.Material;

/// <summary>test.yaml: the suite, its collections and their tests.</summary>
public sealed record TestSuite
{
    public required string Type { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Version { get; init; }
    public required TestProperties Properties { get; init; }
    public required IReadOnlyList<TestCollection> Collections { get; init; }
}

public sealed record TestCollection
{
    public required int Index { get; init; }
    public required string Type { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Id { get; init; }

    /// <summary>Collections (by name, id or index) that must have passed for this one to run.</summary>
    public IReadOnlyList<string> SuccessDependency { get; init; } = [];
    public string? SetUpCodeDependency { get; init; }
    public string? EntryPoint { get; init; }
    public string? File { get; init; }
    public string? InputAnswers { get; init; }
    public string? SetUpCode { get; init; }
    public string? TearDownCode { get; init; }

    /// <summary>Cascaded: suite values where this collection sets none.</summary>
    public required TestProperties Properties { get; init; }
    public required IReadOnlyList<TestCase> Tests { get; init; }
}

public sealed record TestCase
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Whether test.yaml gives <c>value</c> (which may itself be null).</summary>
    public bool HasValue { get; init; }
    public JsonNode? Value { get; init; }
    public string? EvalString { get; init; }
    public string? Pattern { get; init; }
    public int? CountRequirement { get; init; }
    public bool AllowEmpty { get; init; }

    /// <summary>Cascaded: collection values where this test sets none.</summary>
    public required TestProperties Properties { get; init; }
}
