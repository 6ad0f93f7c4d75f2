using System.Text.Json.Nodes;
using Computor.Runner.Execution;

namespace Computor.Runner.Evaluation;

/// <summary>What a test expects: a value from test.yaml, or one read from the reference run.</summary>
public sealed record Expected
{
    public JsonNode? Value { get; init; }
    public required string Kind { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<int>? Shape { get; init; }
    public int? Length { get; init; }
    public required string Str { get; init; }

    /// <summary>Written in test.yaml, where a list may stand for any list-like value (an array too).</summary>
    public bool Literal { get; init; }

    public static Expected From(ObservedValue value) => new()
    {
        Value = value.Value, Kind = value.Kind, Type = value.Type, Shape = value.Shape, Length = value.Length, Str = value.Str,
    };

    public static Expected Text(string text) => new() { Value = JsonValue.Create(text), Kind = "str", Type = "str", Length = text.Length, Str = text };

    public static Expected FromYaml(JsonNode? value)
    {
        var (kind, type) = value switch
        {
            null => ("none", "NoneType"),
            _ when Values.IsBool(value) => ("bool", "bool"),
            JsonValue v when Values.IsNumber(v) => ("number", v.ToJsonString().Contains('.') || v.ToJsonString().Contains('e') ? "float" : "int"),
            JsonObject o when o.ContainsKey("$float") => ("number", "float"),
            _ when Values.IsString(value) => ("str", "str"),
            JsonArray => ("list", "list"),
            _ => ("dict", "dict"),
        };
        return new Expected
        {
            Value = value,
            Kind = kind,
            Type = type,
            Length = value switch { JsonArray a => a.Count, JsonObject o when kind == "dict" => o.Count, _ when kind == "str" => value!.GetValue<string>().Length, _ => null },
            Str = kind == "str" ? value!.GetValue<string>() : ValueText.Of(value),
            Literal = true,
        };
    }
}
