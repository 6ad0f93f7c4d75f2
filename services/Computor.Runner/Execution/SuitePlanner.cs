using Computor.Runner.Evaluation;
using Computor.Material;
using Computor.Runner.Sandboxing;

namespace Computor.Runner.Execution;

/// <summary>
/// Turns a suite into what each side executes. The reference side only runs collections that need a
/// reference value, so a suite with literal expected values starts one sandbox, not two.
/// </summary>
public sealed class SuitePlanner(TestSuite suite, AssignmentMeta meta, ILanguageEngine engine, SandboxLimits limits, bool storeGraphics)
{
    public SidePlan Student(string directory, int uid) => new()
    {
        Side = Side.Student,
        Directory = directory,
        Uid = uid,
        Collections = suite.Collections.Where(c => CollectionEvaluator.Executes(c.Type))
            .Select(c => Plan(c, directory, c.Tests.Select(t => c.Type == CollectionTypes.Help ? HelpText(t.Name) : t.Name),
                storeGraphics && c.Type == CollectionTypes.Graphics)).ToList(),
    };

    /// <summary>
    /// Token counts and lint findings of the submission, taken in a sandbox of their own where no
    /// student code runs: code that runs could tamper with an executor that also reports them.
    /// </summary>
    public SidePlan Analysis(string directory, int uid) => new()
    {
        Side = Side.Analysis,
        Directory = directory,
        Uid = uid,
        Collections = [],
        Structural = suite.Collections.Where(c => c.Type == CollectionTypes.Structural)
            .Select(c => SourceFile(c, directory)).OfType<string>().Distinct().ToList(),
        Lint = suite.Collections.Where(c => c.Type == CollectionTypes.Linting)
            .SelectMany(c => c.Tests.Select(t => t.Name).Where(n => n.EndsWith(".py", StringComparison.Ordinal)).Append(SourceFile(c, directory)))
            .OfType<string>().Distinct().ToList(),
    };

    public SidePlan Reference(string directory, int uid) => new()
    {
        Side = Side.Reference,
        Directory = directory,
        Uid = uid,
        Collections = suite.Collections.Where(c => CollectionEvaluator.Executes(c.Type) && c.Type != CollectionTypes.Help && NeedsReference(c))
            .Select(c => Plan(c, directory, c.Tests.Select(t => t.EvalString ?? t.Name), false)).ToList(),
    };

    /// <summary>The run of a collection within a side's answer, or null if that side did not run it.</summary>
    public CollectionRun? RunOf(SidePlan plan, SideRun run, TestCollection collection)
    {
        var position = plan.Collections.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Key == Key(collection));
        if (position.p is null)
            return null;
        return position.i < run.Collections.Count ? run.Collections[position.i] : null;
    }

    /// <summary>The file a collection's code lives in: its file or entryPoint, else the language's default.</summary>
    public string? SourceFile(TestCollection collection, string directory)
    {
        var file = collection.File ?? collection.EntryPoint ?? engine.DefaultEntry(directory, meta);
        if (file is not null && !AssignmentMetaReader.IsRelativeInside(file))
            throw new MaterialException("test.yaml", $"properties.tests[{collection.Index}].entryPoint", $"'{file}' must be a relative path inside the assignment directory");
        return file;
    }

    /// <summary>The expression a help test reads: the named object's docstring.</summary>
    public static string HelpText(string name) => $"{name}.__doc__";

    static bool NeedsReference(TestCollection collection) => collection.Tests.Any(t => !t.HasValue && t.Pattern is null);

    CollectionPlan Plan(TestCollection collection, string directory, IEnumerable<string> names, bool graphics) => new()
    {
        Key = Key(collection),
        Entry = collection.EntryPoint ?? collection.File ?? engine.DefaultEntry(directory, meta),
        InputAnswers = collection.InputAnswers,
        SetUpCode = SetUpCode(collection),
        TearDownCode = collection.TearDownCode,
        Names = names.Distinct().ToList(),
        Timeout = Math.Min(limits.WallSeconds, collection.Properties.Timeout ?? limits.CollectionTimeoutSeconds),
        StoreGraphics = graphics,
    };

    /// <summary>setUpCodeDependency puts the named collection's set-up code before this one's.</summary>
    string? SetUpCode(TestCollection collection)
    {
        if (collection.SetUpCodeDependency is not { } reference)
            return collection.SetUpCode;
        var dependency = SuiteDependencies.Find(suite, collection, reference, engine.FirstIndex);
        return string.Join("\n", new[] { SetUpCode(dependency), collection.SetUpCode }.Where(c => !string.IsNullOrEmpty(c)));
    }

    static string Key(TestCollection collection) => $"c{collection.Index}";
}
