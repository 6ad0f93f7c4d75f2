using System.Text.Json.Nodes;
using Computor.Runner.Evaluation;
using Computor.Material;
using Computor.Runner.Reports;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Execution;

/// <summary>
/// Runs one test suite the way Computor's tester does: read the material, stage private copies,
/// execute student and reference side by side in their own sandboxes, judge, write the report.
/// The command line and the runner service both come through here, so they report alike.
/// </summary>
public sealed class SuiteRunner(ILanguageEngine engine, Sandbox sandbox, SandboxSlots slots, ReferenceRuns references, IOptions<SandboxOptions> options)
{
    public async Task<TestReport> Run(SuiteRequest request, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var spec = request.Specification;
        var suite = TestSuiteReader.Read(request.TestFile);
        if (!engine.SuiteTypes.Contains(suite.Type, StringComparer.OrdinalIgnoreCase))
            throw new MaterialException("test.yaml", "type", $"'{suite.Type}' suites are not run by the {engine.Language} runner (it runs: {string.Join(", ", engine.SuiteTypes)})");
        var meta = AssignmentMetaReader.Read(MetaFile(request.TestFile, spec));
        foreach (var collection in suite.Collections)
        {
            SuiteDependencies.Resolve(suite, collection, collection.SuccessDependency, engine.FirstIndex);
            if (collection.SetUpCodeDependency is { } dependency)
                SuiteDependencies.Find(suite, collection, dependency, engine.FirstIndex);
        }

        using var slot = slots.Take();
        using var staging = Staging.Create(options.Value.WorkDirectory);
        Staging.Copy(spec.StudentDirectory, staging.Student, "studentDirectory");
        Staging.Copy(spec.ReferenceDirectory, staging.Reference, "referenceDirectory");
        CopyTestFiles(meta, staging);

        var limits = Limits(meta, request.CourseLimits);
        var studentUid = options.Value.FirstUid + 2 * slot.Number;
        if (sandbox.Enabled && FileOwnership.IsRoot)
        {
            FileOwnership.GiveTree(staging.Student, studentUid);
            FileOwnership.GiveTree(staging.Reference, studentUid + 1);
        }

        var plans = new SuitePlanner(suite, meta, engine, limits, spec.StoreGraphicsArtifacts ?? suite.Properties.StoreGraphicsArtifacts == true);
        var studentPlan = plans.Student(staging.Student, studentUid);
        var referencePlan = plans.Reference(staging.Reference, studentUid + 1);
        var analysisPlan = plans.Analysis(staging.Student, studentUid);
        var studentRun = studentPlan.Collections.Count == 0
            ? Task.FromResult(new SideRun())
            : engine.Execute(studentPlan, limits, cancellationToken);
        var analysisRun = analysisPlan.Structural.Count + analysisPlan.Lint.Count == 0
            ? Task.FromResult(new SideRun())
            : engine.Execute(analysisPlan, limits, cancellationToken);
        var referenceRun = referencePlan.Collections.Count == 0
            ? Task.FromResult(new SideRun())
            : references.GetOrRun(request.ReferenceKey, referencePlan, limits, () => engine.Execute(referencePlan, limits, cancellationToken));
        var (student, reference, analysis) = (await studentRun, await referenceRun, await analysisRun);

        var evidence = suite.Collections.Select(c => new CollectionEvidence
        {
            Student = plans.RunOf(studentPlan, student, c),
            Reference = plans.RunOf(referencePlan, reference, c),
            StudentSide = student,
            Analysis = analysis,
            StudentDirectory = staging.Student,
            SourceFile = plans.SourceFile(c, staging.Student),
            FirstIndex = engine.FirstIndex,
        }).ToList();
        var environment = new JsonObject
        {
            ["language"] = engine.Language,
            ["interpreter"] = student.Interpreter ?? analysis.Interpreter ?? reference.Interpreter,
            ["sandbox"] = sandbox.Enabled,
        };
        var report = SuiteEvaluator.Evaluate(suite, evidence, engine.FirstIndex, startedAt, environment);
        await ReportJson.Write(report, spec.ReportPath, cancellationToken);
        await SaveArtifacts(student.Artifacts, spec.ArtifactDirectory, cancellationToken);
        return report;
    }

    /// <summary>meta.yaml of the assignment: in the reference solution's directory, else beside test.yaml.</summary>
    static string MetaFile(string testFile, RunSpecification spec)
    {
        var inReference = Path.Combine(spec.ReferenceDirectory, "meta.yaml");
        return File.Exists(inReference) ? inReference : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(testFile))!, "meta.yaml");
    }

    /// <summary>meta.yaml's testFiles come from the reference and are copied beside the student's code.</summary>
    static void CopyTestFiles(AssignmentMeta meta, Staging staging)
    {
        foreach (var file in meta.TestFiles)
        {
            var source = Path.Combine(staging.Reference, file);
            if (!File.Exists(source))
                throw new MaterialException("meta.yaml", "properties.testFiles", $"'{file}' not found in the reference directory");
            var target = Path.Combine(staging.Student, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }

    /// <summary>test.yaml over meta.yaml over the course over the runner's defaults, never above the runner's maxima.</summary>
    SandboxLimits Limits(AssignmentMeta meta, Contracts.Testing.TestLimits? course)
    {
        var o = options.Value;
        var wall = Math.Min(o.MaxTimeoutSeconds, course?.TimeoutSeconds ?? o.MaxTimeoutSeconds);
        return new SandboxLimits
        {
            WallSeconds = wall,
            CollectionTimeoutSeconds = Math.Min(wall, meta.Settings.Timeout ?? course?.TimeoutSeconds ?? o.TimeoutSeconds),
            CpuSeconds = Math.Min(wall, meta.Settings.CpuLimitSeconds ?? course?.CpuLimitSeconds ?? o.CpuSeconds),
            MemoryMb = Math.Min(o.MaxMemoryMb, meta.Settings.MemoryLimitMb ?? course?.MemoryLimitMb ?? o.MemoryMb),
            MaxProcesses = Math.Min(4096, meta.Settings.MaxProcesses ?? course?.MaxProcesses ?? o.MaxProcesses),
            Environment = meta.Settings.Environment,
        };
    }

    static async Task SaveArtifacts(IReadOnlyList<Artifact> artifacts, string directory, CancellationToken cancellationToken)
    {
        if (artifacts.Count == 0)
            return;
        Directory.CreateDirectory(directory);
        foreach (var artifact in artifacts)
            await File.WriteAllBytesAsync(Path.Combine(directory, Path.GetFileName(artifact.Name)), artifact.Data, cancellationToken);
    }
}
