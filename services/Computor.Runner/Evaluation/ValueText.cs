using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Computor.Runner.Evaluation;

/// <summary>Values written the way Python prints them, for messages students read.</summary>
public static class ValueText
{
    const int MaxLength = 200;

    public static string Of(JsonNode? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.Length > MaxLength ? text.ToString(0, MaxLength) + "..." : text.ToString();
    }

    public static string Shape(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    public static string Number(double value) => value switch
    {
        double.NaN => "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when value == Math.Floor(value) && Math.Abs(value) < 1e16 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    static void Write(StringBuilder text, JsonNode? value)
    {
        if (text.Length > MaxLength)
            return;
        switch (value)
        {
            case null:
                text.Append("None");
                break;
            case JsonArray array:
                text.Append('[');
                Join(text, array, Write);
                text.Append(']');
                break;
            case JsonObject o when o.TryGetPropertyValue("$float", out var f):
                text.Append(f!.GetValue<string>());
                break;
            case JsonObject o when o["$complex"] is JsonArray c:
                text.Append('(').Append(Number(Values.Real(c[0]))).Append(Values.Real(c[1]) < 0 ? "-" : "+")
                    .Append(Number(Math.Abs(Values.Real(c[1])))).Append("j)");
                break;
            case JsonObject o when o["$ndarray"] is JsonObject a:
                text.Append("array(");
                Write(text, a["data"]);
                text.Append(')');
                break;
            case JsonObject o when o["$dict"] is JsonArray pairs:
                text.Append('{');
                Join(text, pairs, (t, pair) =>
                {
                    Write(t, pair![0]);
                    t.Append(": ");
                    Write(t, pair[1]);
                });
                text.Append('}');
                break;
            case JsonObject o when o["$set"] is JsonArray items:
                text.Append('{');
                Join(text, items, Write);
                text.Append('}');
                break;
            case JsonObject o when o["$repr"] is JsonValue repr:
                text.Append(repr.GetValue<string>());
                break;
            case JsonObject o:
                text.Append('{');
                Join(text, o.Select(p => (JsonNode?)new JsonArray(JsonValue.Create(p.Key), p.Value?.DeepClone())).ToList(), (t, pair) =>
                {
                    Write(t, pair![0]);
                    t.Append(": ");
                    Write(t, pair[1]);
                });
                text.Append('}');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                text.Append('\'').Append(v.GetValue<string>().Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n")).Append('\'');
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                text.Append(v.GetValue<bool>() ? "True" : "False");
                break;
            case JsonValue v:
                text.Append(v.ToJsonString());
                break;
        }
    }

    static void Join(StringBuilder text, IEnumerable<JsonNode?> items, Action<StringBuilder, JsonNode?> write)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
                text.Append(", ");
            first = false;
            write(text, item);
            if (text.Length > MaxLength)
                return;
        }
    }
}
