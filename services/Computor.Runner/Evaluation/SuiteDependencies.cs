using System.Globalization;
using Computor.Material;

namespace Computor.Runner.Evaluation;

/// <summary>Resolves successDependency and setUpCodeDependency references: a collection's name, id or index.</summary>
public static class SuiteDependencies
{
    public static IReadOnlyList<TestCollection> Resolve(TestSuite suite, TestCollection from, IEnumerable<string> references, int firstIndex) =>
        references.Select(reference => Find(suite, from, reference, firstIndex)).ToList();

    public static TestCollection Find(TestSuite suite, TestCollection from, string reference, int firstIndex)
    {
        var found = suite.Collections.FirstOrDefault(c => c.Id == reference)
            ?? suite.Collections.FirstOrDefault(c => c.Name == reference)
            ?? (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index - firstIndex >= 0 && index - firstIndex < suite.Collections.Count
                    ? suite.Collections[index - firstIndex]
                    : null);
        if (found is null)
            throw new MaterialException("test.yaml", $"properties.tests[{from.Index}]", $"dependency '{reference}' names no collection");
        if (found.Index >= from.Index)
            throw new MaterialException("test.yaml", $"properties.tests[{from.Index}]", $"dependency '{reference}' must come before the collection that needs it");
        return found;
    }
}
