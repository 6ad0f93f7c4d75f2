using System.Text.Json.Nodes;
using Computor.Material;
using Computor.Runner.Reports;

namespace Computor.Runner.Evaluation;

/// <summary>Judges each test of one collection according to the collection's type.</summary>
public static class CollectionEvaluator
{
    public static IReadOnlyList<Verdict> Evaluate(TestCollection collection, CollectionEvidence evidence)
    {
        if (ExecutionProblem(collection, evidence) is { } problem)
            return collection.Tests.Select(_ => problem).ToList();
        return collection.Tests.Select(test => collection.Type switch
        {
            CollectionTypes.Variable or CollectionTypes.Graphics => Variable(test, evidence),
            CollectionTypes.Stdout => Text(test, evidence.Student!.Stdout, evidence.Reference?.Stdout),
            CollectionTypes.Error => Text(test, evidence.Student!.Error ?? "", evidence.Reference?.Error),
            CollectionTypes.Warning => Text(test, string.Join("\n", evidence.Student!.Warnings),
                evidence.Reference is null ? null : string.Join("\n", evidence.Reference.Warnings)),
            CollectionTypes.Structural => Structural(test, evidence),
            CollectionTypes.Exist => Exist(test, evidence.StudentDirectory),
            CollectionTypes.Linting => Linting(test, evidence),
            CollectionTypes.Help => Help(test, evidence),
            _ => Verdict.Fail($"collection type '{collection.Type}' is not supported by this runner"),
        }).ToList();
    }

    public static bool Executes(string type) => type is not (CollectionTypes.Structural or CollectionTypes.Exist or CollectionTypes.Linting);

    /// <summary>A run that crashed, timed out or raised fails every test of its collection with that reason.</summary>
    static Verdict? ExecutionProblem(TestCollection collection, CollectionEvidence evidence)
    {
        if (!Executes(collection.Type))
            return null;
        if (evidence.StudentSide.Failure is { } failure)
            return Verdict.Fail(failure, evidence.StudentSide.TimedOut ? ReportStatus.TimedOut : ReportStatus.Crashed);
        var run = evidence.Student!;
        if (run.TimedOut)
            return Verdict.Fail(run.Error ?? "Timeout", ReportStatus.TimedOut);
        if (run.Error is { } error && collection.Type != CollectionTypes.Error)
            return Verdict.Fail($"Execution failed: {error}");
        return null;
    }

    static Verdict Variable(TestCase test, CollectionEvidence evidence)
    {
        var qualification = test.Properties.Qualification ?? Qualifications.VerifyEqual;
        evidence.Student!.Values.TryGetValue(test.Name, out var actual);
        if (actual is null)
            return Verdict.Fail($"Variable `{test.Name}` not found in student namespace");

        Expected? expected = null;
        if (test.HasValue)
            expected = Expected.FromYaml(test.Value);
        else if (evidence.Reference?.Values.GetValueOrDefault(test.EvalString ?? test.Name) is { } reference)
            expected = Expected.From(reference);

        if (qualification == Qualifications.VerifyEqual)
            return expected is null
                ? Verdict.Skip($"Variable `{test.EvalString ?? test.Name}` not found in reference namespace")
                : VariableCheck.VerifyEqual(test.Name, actual, expected, test.Properties, evidence.FirstIndex);

        var pattern = test.Pattern ?? expected?.Str;
        return pattern is null
            ? Verdict.Skip($"Variable `{test.Name}` has no pattern and no reference value")
            : TextCheck.Check(test.Name, actual.Str, qualification, pattern, test.CountRequirement);
    }

    /// <summary>stdout, errors and warnings: the run's text against the pattern, the value or the reference's text.</summary>
    static Verdict Text(TestCase test, string actual, string? reference)
    {
        var qualification = test.Properties.Qualification ?? Qualifications.VerifyEqual;
        var expected = test.Pattern ?? (test.HasValue ? test.Value?.ToString() : null) ?? reference;
        if (expected is null)
            return Verdict.Skip($"Variable `{test.Name}` not found in reference namespace");
        if (qualification == Qualifications.VerifyEqual)
        {
            return VariableCheck.VerifyEqual(test.Name,
                new Execution.ObservedValue { Type = "str", Kind = "str", Value = JsonValue.Create(actual), Str = actual, Length = actual.Length },
                Expected.Text(expected), test.Properties);
        }
        return TextCheck.Check(test.Name, actual, qualification, expected, test.CountRequirement);
    }

    static Verdict Structural(TestCase test, CollectionEvidence evidence)
    {
        var file = evidence.SourceFile ?? "";
        if (evidence.Analysis.Failure is { } failure)
            return Verdict.Fail(failure, ReportStatus.Crashed);
        if (evidence.Analysis.TokenErrors.TryGetValue(file, out var error))
            return Verdict.Fail($"File `{file}` could not be read: {error}");
        if (!evidence.Analysis.Tokens.TryGetValue(file, out var tokens))
            return Verdict.Fail($"File `{file}` not found");
        var type = test.Properties.OccuranceType ?? "NAME";
        var count = tokens.GetValueOrDefault($"{type} {test.Name}");
        var range = test.Properties.AllowedOccuranceRange ?? [0, 0];
        var (min, max) = (range[0], range[1]);
        if (count >= min && (max == 0 || count <= max))
            return Verdict.Pass();
        var allowed = max == 0 ? $"at least {min}" : $"between {min} and {max}";
        return Verdict.Fail($"`{test.Name}` occurs {count} times in {file}, allowed {allowed}");
    }

    static Verdict Exist(TestCase test, string studentDirectory)
    {
        if (!AssignmentMetaReader.IsRelativeInside(test.Name))
            return Verdict.Fail($"File `{test.Name}` is not a relative path inside the submission");
        var matcher = new Microsoft.Extensions.FileSystemGlobbing.Matcher().AddInclude(test.Name);
        var files = matcher.Execute(new Microsoft.Extensions.FileSystemGlobbing.Abstractions.DirectoryInfoWrapper(new DirectoryInfo(studentDirectory)))
            .Files.Select(f => Path.Combine(studentDirectory, f.Path)).ToList();
        if (files.Count == 0)
            return Verdict.Fail($"File `{test.Name}` not found");
        if (!test.AllowEmpty && files.All(f => new FileInfo(f).Length == 0))
            return Verdict.Fail($"File `{test.Name}` is empty");
        return Verdict.Pass();
    }

    /// <summary>The named object has a help text; with a pattern, the text also meets the qualification.</summary>
    static Verdict Help(TestCase test, CollectionEvidence evidence)
    {
        evidence.Student!.Values.TryGetValue(Execution.SuitePlanner.HelpText(test.Name), out var doc);
        if (doc is null || doc.Kind != "str" || string.IsNullOrWhiteSpace(doc.Str))
            return Verdict.Fail($"`{test.Name}` has no help text (docstring)");
        return test.Pattern is { } pattern
            ? TextCheck.Check(test.Name, doc.Str, test.Properties.Qualification ?? Qualifications.Contains, pattern, test.CountRequirement)
            : Verdict.Pass();
    }

    static Verdict Linting(TestCase test, CollectionEvidence evidence)
    {
        if (evidence.Analysis.Failure is { } failure)
            return Verdict.Fail(failure, ReportStatus.Crashed);
        if (evidence.Analysis.Lint is not { } lint)
            return Verdict.Skip("No linter is installed on this runner");
        var file = test.Name.EndsWith(".py", StringComparison.Ordinal) ? test.Name : evidence.SourceFile ?? "";
        if (!lint.TryGetValue(file, out var findings))
            return Verdict.Fail($"File `{file}` not found");
        return findings.Count == 0
            ? Verdict.Pass()
            : Verdict.Fail($"{findings.Count} linting issue(s) in {file}: {string.Join("; ", findings.Take(5))}");
    }
}
