using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.Runner.Evaluation;

/// <summary>Reads the executor's JSON value forms (see computor_exec.py's <c>encode</c>).</summary>
public static class Values
{
    public static bool IsNumber(JsonNode? node) => node switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.Number,
        JsonObject o => o.ContainsKey("$float") || o.ContainsKey("$complex"),
        _ => false,
    };

    public static bool IsBool(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static Complex Number(JsonNode? node) => node switch
    {
        JsonObject o when o["$complex"] is JsonArray c => new Complex(Real(c[0]), Real(c[1])),
        _ when IsBool(node) => node!.GetValue<bool>() ? 1 : 0,
        _ => Real(node),
    };

    public static double Real(JsonNode? node) => node switch
    {
        JsonObject o when o["$float"] is JsonValue f => f.GetValue<string>() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            _ => double.NegativeInfinity,
        },
        JsonValue v when v.GetValueKind() == JsonValueKind.Number =>
            v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture),
        _ => double.NaN,
    };

    /// <summary>The elements of a list-like value: lists, tuples, sets and array data.</summary>
    public static JsonArray? Items(JsonNode? node) => node switch
    {
        JsonArray a => a,
        JsonObject o when o["$ndarray"] is JsonObject array => array["data"] as JsonArray ?? new JsonArray(array["data"]?.DeepClone()),
        JsonObject o when o["$set"] is JsonArray set => set,
        _ => null,
    };

    public static bool IsArray(JsonNode? node) => node is JsonObject o && o.ContainsKey("$ndarray");

    /// <summary>Mappings as key/value pairs: dicts from the executor, mappings from test.yaml.</summary>
    public static IReadOnlyList<(JsonNode? Key, JsonNode? Value)>? Pairs(JsonNode? node) => node switch
    {
        JsonObject o when o["$dict"] is JsonArray pairs => pairs.Select(p => (p![0], p[1])).ToList(),
        JsonObject o when !o.Any(p => p.Key.StartsWith('$')) => o.Select(p => ((JsonNode?)JsonValue.Create(p.Key), p.Value)).ToList(),
        _ => null,
    };

    public static string? Repr(JsonNode? node) => node is JsonObject o && o["$repr"] is JsonValue r ? r.GetValue<string>() : null;

    /// <summary>Shape of nested lists, as numpy would see them; null when ragged or not a list.</summary>
    public static IReadOnlyList<int>? ShapeOf(JsonNode? node)
    {
        if (node is JsonObject o && o["$ndarray"] is JsonObject a)
            return a["shape"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        if (node is not JsonArray list)
            return IsNumber(node) || IsBool(node) ? [] : null;
        if (list.Count == 0)
            return [0];
        var inner = list.Select(ShapeOf).ToList();
        if (inner.Any(s => s is null) || inner.Any(s => !s!.SequenceEqual(inner[0]!)))
            return null;
        return [list.Count, .. inner[0]!];
    }
}
