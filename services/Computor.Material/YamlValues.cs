using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Computor.Material;

/// <summary>Expected values written in test.yaml, resolved the way YAML's core schema reads plain scalars.</summary>
public static class YamlValues
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value),
        YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
        _ => null,
    };

    static JsonNode? Plain(string? text)
    {
        switch (text)
        {
            case null or "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (TryNumber(text, out var number))
            return double.IsFinite(number)
                ? JsonValue.Create(number)
                : new JsonObject { ["$float"] = double.IsNaN(number) ? "nan" : number > 0 ? "inf" : "-inf" };
        return JsonValue.Create(text);
    }

    public static bool TryNumber(string? text, out double value)
    {
        switch (text?.ToLowerInvariant())
        {
            case ".nan":
                value = double.NaN;
                return true;
            case ".inf" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf":
                value = double.NegativeInfinity;
                return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
