using System.Numerics;
using System.Text.Json.Nodes;

namespace Computor.Runner.Evaluation;

/// <summary>
/// verifyEqual's value comparison: numbers within tolerance (NaN equals NaN), arrays element-wise,
/// strings exactly, lists and mappings recursively. Returns where the first difference is (positions counted
/// from the language's first index), or null.
/// </summary>
public sealed class ValueComparer(double absoluteTolerance, double relativeTolerance, int firstIndex = 0)
{
    public string? Difference(JsonNode? actual, JsonNode? expected) =>
        Compare(actual, expected, Values.IsArray(actual) || Values.IsArray(expected), "");

    string? Compare(JsonNode? actual, JsonNode? expected, bool elementWise, string at)
    {
        if (Values.IsNumber(expected) || Values.IsBool(expected) && Values.IsNumber(actual))
            return (Values.IsNumber(actual) || Values.IsBool(actual)) && Close(Values.Number(actual), Values.Number(expected), elementWise) ? null : at;
        if (Values.IsBool(expected))
            return Values.IsBool(actual) && actual!.GetValue<bool>() == expected!.GetValue<bool>() ? null : at;
        if (Values.IsString(expected))
            return Values.IsString(actual) && actual!.GetValue<string>() == expected!.GetValue<string>() ? null : at;
        if (expected is null)
            return actual is null ? null : at;
        if (Values.Repr(expected) is { } repr)
            return Values.Repr(actual) == repr ? null : at;
        if (Values.Items(expected) is { } expectedItems)
        {
            if (Values.Items(actual) is not { } actualItems)
                return at;
            if (expectedItems.Count != actualItems.Count)
                return at;
            for (var i = 0; i < expectedItems.Count; i++)
                if (Compare(actualItems[i], expectedItems[i], elementWise, $"{at}[{i + firstIndex}]") is { } inner)
                    return inner;
            return null;
        }
        if (Values.Pairs(expected) is { } expectedPairs)
        {
            if (Values.Pairs(actual) is not { } actualPairs || actualPairs.Count != expectedPairs.Count)
                return at;
            foreach (var (key, value) in expectedPairs)
            {
                var match = actualPairs.FirstOrDefault(p => Compare(p.Key, key, false, "") is null);
                if (match == default && !actualPairs.Any(p => Compare(p.Key, key, false, "") is null))
                    return $"{at}[{ValueText.Of(key)}]";
                if (Compare(match.Value, value, elementWise, $"{at}[{ValueText.Of(key)}]") is { } inner)
                    return inner;
            }
            return null;
        }
        return JsonNode.DeepEquals(actual, expected) ? null : at;
    }

    /// <summary>
    /// Scalars: |a-e| &lt;= absTol or |a-e|/|e| &lt;= relTol. Array elements: |a-e| &lt;= absTol + relTol*|e|,
    /// as numpy.isclose does. NaN equals NaN; infinities equal themselves.
    /// </summary>
    bool Close(Complex actual, Complex expected, bool elementWise)
    {
        if (HasNaN(actual) || HasNaN(expected))
            return SamePart(actual.Real, expected.Real, elementWise) && SamePart(actual.Imaginary, expected.Imaginary, elementWise);
        if (actual == expected)
            return true;
        if (double.IsInfinity(actual.Real) || double.IsInfinity(expected.Real) || double.IsInfinity(actual.Imaginary) || double.IsInfinity(expected.Imaginary))
            return false;
        var difference = Complex.Abs(actual - expected);
        var magnitude = Complex.Abs(expected);
        return elementWise
            ? difference <= absoluteTolerance + relativeTolerance * magnitude
            : difference <= absoluteTolerance || difference <= relativeTolerance * magnitude;
    }

    bool SamePart(double actual, double expected, bool elementWise) =>
        double.IsNaN(actual) || double.IsNaN(expected)
            ? double.IsNaN(actual) && double.IsNaN(expected)
            : Close(new Complex(actual, 0), new Complex(expected, 0), elementWise);

    static bool HasNaN(Complex value) => double.IsNaN(value.Real) || double.IsNaN(value.Imaginary);
}
