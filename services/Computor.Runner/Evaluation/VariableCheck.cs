using Computor.Runner.Execution;
using Computor.Material;

namespace Computor.Runner.Evaluation;

/// <summary>verifyEqual on one value: type, then shape or length, then the value within tolerance.</summary>
public static class VariableCheck
{
    public static Verdict VerifyEqual(string label, ObservedValue actual, Expected expected, TestProperties properties, int firstIndex = 0)
    {
        if (properties.TypeCheck != false && properties.IgnoreClass != true && !SameKind(actual, expected))
            return Verdict.Fail($"Variable `{label}` has incorrect type: expected {expected.Type} actual {actual.Type}");

        if (properties.ShapeCheck != false && ShapeProblem(label, actual, expected) is { } shape)
            return Verdict.Fail(shape);

        var comparer = new ValueComparer(properties.AbsoluteTolerance ?? 0, properties.RelativeTolerance ?? 0, firstIndex);
        if (comparer.Difference(actual.Value, expected.Value) is { } at)
        {
            var where = at.Length > 0 && (actual.Kind is "ndarray" or "list" || expected.Kind is "ndarray" or "list") ? $" (first difference at {at})" : "";
            return Verdict.Fail($"Variable `{label}` differs from expected: expected {Show(expected.Value, expected.Kind, expected.Str)} actual {Show(actual.Value, actual.Kind, actual.Str)}{where}");
        }
        return Verdict.Pass();
    }

    static bool SameKind(ObservedValue actual, Expected expected) =>
        actual.Kind == expected.Kind && (actual.Kind != "object" || actual.Type == expected.Type)
        || expected.Literal && expected.Kind == "list" && actual.Kind == "ndarray";

    static string? ShapeProblem(string label, ObservedValue actual, Expected expected)
    {
        if (actual.Shape is not null || expected.Shape is not null)
        {
            var actualShape = actual.Shape ?? Values.ShapeOf(actual.Value);
            var expectedShape = expected.Shape ?? Values.ShapeOf(expected.Value);
            if (actualShape is not null && expectedShape is not null && !actualShape.SequenceEqual(expectedShape))
                return $"Variable `{label}` has wrong shape: expected {ValueText.Shape(expectedShape)} actual {ValueText.Shape(actualShape)}";
            return null;
        }
        if (actual.Length is { } actualLength && expected.Length is { } expectedLength && actualLength != expectedLength)
            return $"Variable `{label}` has wrong length: expected {expectedLength} actual {actualLength}";
        return null;
    }

    static string Show(System.Text.Json.Nodes.JsonNode? value, string kind, string str) =>
        kind is "ndarray" or "object" ? Cap(str) : ValueText.Of(value);

    static string Cap(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
