using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Computor.Material;
using Computor.Runner.Execution;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Matlab;

/// <summary>
/// Runs one side of a MATLAB-language suite on GNU Octave (or MATLAB): every collection in a sandbox and
/// a session of its own, so nothing one collection or one student defines reaches the next, and a
/// collection that runs too long is killed with its whole process tree. The harness
/// (harness/computor_exec.m) runs the code and writes the requested values after a marker line.
/// </summary>
public sealed class MatlabEngine(Sandbox sandbox, MatlabHarness harness, IOptions<MatlabOptions> options) : ILanguageEngine
{
    const string Submission = "/submission";
    const string HarnessPath = "/opt/computor";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 512,
    };

    public string Language => options.Value.Engine;

    public IReadOnlyList<string> SuiteTypes { get; } = ["matlab", "octave"];

    public int FirstIndex => 1;

    /// <summary>The first MATLAB file the student hands in, else the first one in the directory.</summary>
    public string? DefaultEntry(string directory, AssignmentMeta meta) =>
        meta.StudentSubmissionFiles.FirstOrDefault(f => f.EndsWith(".m", StringComparison.Ordinal))
        ?? (Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.m").Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault()
            : null);

    /// <summary>Octave must be installed; MATLAB's launcher is looked up on the sandbox's PATH, so only Octave is checked here.</summary>
    public void Check()
    {
        if (options.Value.Engine == MatlabOptions.Octave && !File.Exists(options.Value.Program))
            throw new InvalidOperationException($"GNU Octave ({options.Value.Program}) is missing: apt-get install --no-install-recommends octave gnuplot-nox fonts-freefont-otf");
    }

    public async Task<SideRun> Execute(SidePlan plan, SandboxLimits limits, CancellationToken cancellationToken)
    {
        if (plan.Side == Side.Analysis)
            return Analyse(plan);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(limits.WallSeconds);
        var collections = new List<CollectionRun>();
        var artifacts = new List<Artifact>();
        foreach (var collection in plan.Collections)
        {
            var remaining = (deadline - DateTimeOffset.UtcNow).TotalSeconds;
            if (remaining < 1)
                return SideRun.Failed($"Timeout: the tests took longer than {limits.WallSeconds} s", timedOut: true);
            var (run, stored) = await Run(plan, collection, limits, Math.Min(collection.Timeout, remaining), cancellationToken);
            collections.Add(run);
            artifacts.AddRange(stored);
        }
        return new SideRun { Interpreter = options.Value.Engine, Collections = collections, Artifacts = artifacts };
    }

    async Task<(CollectionRun, IReadOnlyList<Artifact>)> Run(SidePlan plan, CollectionPlan collection, SandboxLimits limits, double seconds,
        CancellationToken cancellationToken)
    {
        var marker = $"computor-{Guid.NewGuid():N}";
        var code = new SandboxMount(plan.Directory, Submission, Writable: false);
        var program = new SandboxMount(harness.Folder, HarnessPath, Writable: false);
        var request = JsonSerializer.Serialize(new
        {
            marker,
            source = sandbox.Enabled ? Submission : plan.Directory,
            directory = sandbox.Enabled ? "/tmp/code" : Path.Combine(Path.GetTempPath(), marker, "code"),
            artifacts = sandbox.Enabled ? "/tmp/artifacts" : Path.Combine(Path.GetTempPath(), marker, "artifacts"),
            key = collection.Key,
            entry = collection.Entry ?? "",
            setUpCode = collection.SetUpCode ?? "",
            tearDownCode = collection.TearDownCode ?? "",
            names = collection.Names,
            storeGraphics = collection.StoreGraphics,
        }, Json);
        var environment = new Dictionary<string, string>(limits.Environment) { ["COMPUTOR_PLAN"] = request };
        if (options.Value.LicenseFile is { } license)
            environment["MLM_LICENSE_FILE"] = license;
        var input = collection.InputAnswers is { Length: > 0 } answers ? Encoding.UTF8.GetBytes(answers.EndsWith('\n') ? answers : answers + "\n") : [];
        try
        {
            var result = await sandbox.Run(new SandboxCommand
            {
                Mounts = [code, program],
                WorkingDirectory = sandbox.Visible(code),
                Arguments = Arguments(sandbox.Enabled ? HarnessPath : harness.Folder),
                Input = input,
                Uid = plan.Uid,
            }, limits with { WallSeconds = Math.Max(1, (int)Math.Ceiling(seconds)), Environment = environment }, cancellationToken);
            return Read(result, marker, seconds, limits.OutputLimitBytes);
        }
        finally
        {
            if (!sandbox.Enabled && Directory.Exists(Path.Combine(Path.GetTempPath(), marker)))
                Directory.Delete(Path.Combine(Path.GetTempPath(), marker), recursive: true);
        }
    }

    IReadOnlyList<string> Arguments(string harnessFolder) => options.Value.Engine == MatlabOptions.Octave
        ? [options.Value.Program, "--no-gui", "--norc", "--no-history", "--quiet", "--no-window-system", "--path", harnessFolder, "--eval", "computor_exec"]
        : [options.Value.Program, "-nodisplay", "-nosplash", "-sd", harnessFolder, "-batch", "computor_exec"];

    static (CollectionRun, IReadOnlyList<Artifact>) Read(SandboxResult result, string marker, double seconds, int outputLimit)
    {
        var output = Encoding.UTF8.GetString(result.Output);
        var errors = result.Errors;
        var at = output.LastIndexOf($"\n{marker}\n", StringComparison.Ordinal);
        var stdout = Capped(at >= 0 ? output[..at] : output, outputLimit);
        var warnings = errors.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).Select(l => l[9..].Trim()).ToList();
        if (result.TimedOut)
            return (new CollectionRun { Error = $"Timeout: execution took longer than {seconds:0.###} s", TimedOut = true, Stdout = stdout }, []);
        if (at < 0)
            return (new CollectionRun { Error = Aborted(result), Stdout = stdout, Stderr = Capped(errors, outputLimit), Warnings = warnings }, []);
        try
        {
            var answer = JsonSerializer.Deserialize<HarnessAnswer>(output[(at + marker.Length + 2)..], Json)
                ?? throw new JsonException("empty answer");
            return (new CollectionRun
            {
                Error = string.IsNullOrEmpty(answer.Error) ? null : answer.Error,
                Stdout = stdout,
                Stderr = Capped(errors, outputLimit),
                Warnings = warnings,
                Values = answer.Values ?? [],
                Figures = answer.Figures ?? [],
            }, (answer.Artifacts ?? []).Select(a => new Artifact(a.Name, Convert.FromBase64String(a.Data))).ToList());
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (new CollectionRun { Error = "Execution produced an unreadable result", Stdout = stdout }, []);
        }
    }

    static string Aborted(SandboxResult result)
    {
        if (result.Output.Length >= Sandbox.MaxOutputBytes)
            return $"Execution aborted: more output than the runner keeps ({Sandbox.MaxOutputBytes >> 20} MB)";
        var detail = result.Errors.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !l.StartsWith("warning:", StringComparison.Ordinal));
        var reason = result.ExitCode switch
        {
            137 or -9 => "killed (memory or process limit)",
            152 or -24 => "CPU time limit exceeded",
            153 or -25 => "output or file size limit exceeded",
            _ => $"the session ended without a result (exit code {result.ExitCode})",
        };
        return $"Execution aborted: {reason}" + (string.IsNullOrEmpty(detail) ? "" : $": {detail}");
    }

    static string Capped(string text, int limit) =>
        Encoding.UTF8.GetByteCount(text) <= limit ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text), 0, limit) + "\n[output truncated]";

    /// <summary>Token counts of the files structural tests look at; nothing is executed.</summary>
    static SideRun Analyse(SidePlan plan)
    {
        var tokens = new Dictionary<string, Dictionary<string, int>>();
        var problems = new Dictionary<string, string>();
        foreach (var file in plan.Structural)
        {
            var path = Path.Combine(plan.Directory, file);
            try
            {
                // Read on the runner's side, so only plain files inside the submission: no link on the way out.
                if (!InsideWithoutLinks(plan.Directory, file))
                    problems[file] = "not a plain file inside the submission";
                else if (new FileInfo(path) is { Exists: true, LinkTarget: null, Length: <= 1 << 20 } info)
                    tokens[file] = MatlabTokens.Count(File.ReadAllText(info.FullName));
                else if (File.Exists(path))
                    problems[file] = "not a plain file of at most 1 MB";
            }
            catch (IOException e)
            {
                problems[file] = e.Message;
            }
        }
        return new SideRun { Interpreter = "analysis", Tokens = tokens, TokenErrors = problems, Lint = null };
    }

    static bool InsideWithoutLinks(string directory, string file)
    {
        if (Path.IsPathRooted(file) || file.Split('/').Any(s => s is ".." or ""))
            return false;
        var current = directory;
        foreach (var segment in file.Split('/')[..^1])
        {
            current = Path.Combine(current, segment);
            if (new DirectoryInfo(current).LinkTarget is not null)
                return false;
        }
        return true;
    }

    sealed record HarnessAnswer
    {
        public string? Error { get; init; }
        public Dictionary<string, ObservedValue>? Values { get; init; }
        public List<string>? Figures { get; init; }
        public List<StoredArtifact>? Artifacts { get; init; }
    }

    sealed record StoredArtifact(string Name, string Data);
}
