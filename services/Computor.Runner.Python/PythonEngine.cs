using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Computor.Runner.Execution;
using Computor.Material;
using Computor.Runner.Sandboxing;

namespace Computor.Runner.Python;

/// <summary>
/// Runs one side of a Python suite: the executor (harness/computor_exec.py) in the sandbox, the code
/// mounted read-only and copied into the sandbox's own /tmp, the plan on stdin, values back as JSON.
/// </summary>
public sealed class PythonEngine(Sandbox sandbox, PythonInterpreter interpreter) : ILanguageEngine
{
    const string Submission = "/submission";
    const string Executor = "/opt/computor/computor_exec.pyc";

    /// <summary>
    /// The executor reads the plan as Python literals, so non-ASCII text goes out as itself: a \u
    /// surrogate pair would reach Python as two lone surrogates.
    /// </summary>
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // The executor nests values at most 100 deep; each level may take three JSON levels.
        MaxDepth = 512,
    };

    public string Language => "python";

    public IReadOnlyList<string> SuiteTypes { get; } = ["python"];

    public int FirstIndex => 0;

    /// <summary>The first Python file the student hands in, else the first one in the directory.</summary>
    public string? DefaultEntry(string directory, AssignmentMeta meta) =>
        meta.StudentSubmissionFiles.FirstOrDefault(f => f.EndsWith(".py", StringComparison.Ordinal))
        ?? (Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.py").Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault()
            : null);

    public void Check()
    {
        if (!File.Exists(interpreter.Executable))
            throw new InvalidOperationException($"the Python interpreter {interpreter.Executable} is missing: install python3 or set Python__Interpreter");
    }

    public async Task<SideRun> Execute(SidePlan plan, SandboxLimits limits, CancellationToken cancellationToken)
    {
        var code = new SandboxMount(plan.Directory, Submission, Writable: false);
        var executor = new SandboxMount(await interpreter.Executor(), Executor, Writable: false);
        var scratch = sandbox.Enabled ? "/tmp" : Directory.CreateTempSubdirectory("computor-python-").FullName;
        try
        {
            var input = JsonSerializer.SerializeToUtf8Bytes(new
            {
                path = await interpreter.ModulePath(),
                source = sandbox.Visible(code),
                directory = Path.Combine(scratch, "code"),
                scratch,
                artifacts = plan.Collections.Any(c => c.StoreGraphics) ? Path.Combine(scratch, "artifacts") : null,
                outputLimit = limits.OutputLimitBytes,
                structural = plan.Structural,
                lint = plan.Lint,
                collections = plan.Collections.Select(c => new
                {
                    key = c.Key, entry = c.Entry, inputAnswers = c.InputAnswers, setUpCode = c.SetUpCode,
                    tearDownCode = c.TearDownCode, names = c.Names, timeout = c.Timeout, storeGraphics = c.StoreGraphics,
                }),
            }, Json);
            var result = await sandbox.Run(new SandboxCommand
            {
                Mounts = [code, executor],
                WorkingDirectory = sandbox.Visible(code),
                Arguments = [interpreter.Executable, "-I", "-S", sandbox.Visible(executor)],
                Input = input,
                Uid = plan.Uid,
            }, limits with { Environment = Environment(limits) }, cancellationToken);
            return Read(result, limits);
        }
        finally
        {
            if (!sandbox.Enabled)
                Directory.Delete(scratch, recursive: true);
        }
    }

    static Dictionary<string, string> Environment(SandboxLimits limits) => new(limits.Environment)
    {
        ["MPLBACKEND"] = "Agg",
        ["MPLCONFIGDIR"] = "/tmp/matplotlib",
        ["OPENBLAS_NUM_THREADS"] = "1",
        ["PYTHONHASHSEED"] = "0",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    static SideRun Read(SandboxResult result, SandboxLimits limits)
    {
        if (result.TimedOut)
            return SideRun.Failed($"Timeout: the tests took longer than {limits.WallSeconds} s", timedOut: true);
        if (result.ExitCode == 0 && result.Output.Length > 0)
        {
            try
            {
                var answer = JsonSerializer.Deserialize<ExecutorAnswer>(result.Output, Json);
                if (answer?.Collections is not null)
                    return new SideRun
                    {
                        Interpreter = answer.Python,
                        Collections = answer.Collections,
                        Tokens = answer.Tokens ?? [],
                        TokenErrors = answer.TokenErrors ?? [],
                        Lint = answer.Lint,
                        Artifacts = answer.Artifacts ?? [],
                    };
            }
            catch (JsonException)
            {
                // Falls through to the failure below: an answer we cannot read is no answer.
            }
        }
        var detail = result.Errors.Trim().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim();
        return SideRun.Failed($"Execution aborted: the test process ended without a result (exit code {result.ExitCode}" +
                              (string.IsNullOrEmpty(detail) ? ")" : $": {detail})"));
    }

    sealed record ExecutorAnswer
    {
        public string? Python { get; init; }
        public List<CollectionRun>? Collections { get; init; }
        public Dictionary<string, Dictionary<string, int>>? Tokens { get; init; }
        public Dictionary<string, string>? TokenErrors { get; init; }
        public Dictionary<string, List<string>>? Lint { get; init; }
        public List<Artifact>? Artifacts { get; init; }
    }
}
