using System.Text.Json.Nodes;

namespace Computor.Runner.Execution;

/// <summary>
/// A value read from a namespace after a run, as the executor sends it: the JSON form (numbers,
/// strings, lists and the tagged forms <c>$float</c>, <c>$complex</c>, <c>$ndarray</c>, <c>$dict</c>,
/// <c>$set</c>, <c>$repr</c>), the language's type name, a kind for type checks, and its text.
/// </summary>
public sealed record ObservedValue
{
    public required string Type { get; init; }

    /// <summary>number, bool, str, list, dict, ndarray, none or object; numeric types share "number".</summary>
    public required string Kind { get; init; }
    public JsonNode? Value { get; init; }
    public string Str { get; init; } = "";
    public IReadOnlyList<int>? Shape { get; init; }
    public int? Length { get; init; }
}
