using System.Diagnostics;
using System.Globalization;
using System.Text;
using Computor.Bench.Burst;
using Computor.IntegrationSpecs.Infrastructure;

// The burst benchmark: N test requests at once against the services as separate processes on real
// PostgreSQL, RabbitMQ and S3, with 1, 2 and 4 runner processes; figures next to the raw limit of the same
// suites through the same harness and sandbox. Usage: bench/burst.sh [N] [runner counts, e.g. 1,2,4]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var size = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
var rounds = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [1, 2, 4];
const int Slots = 2;
const int TrickleRuns = 50;
// A fresh API and system service settle at their steady cost per POST after about 6,000 (ADR 17).
var warmUpPosts = Math.Min(6000, 6 * size);
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
var output = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    output.AppendLine(line);
}

using var servers = await Servers.Start(root);
var admin = $"bench-{Guid.NewGuid():N}";
var apiAddress = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
var common = new Dictionary<string, string>
{
    ["ConnectionStrings:Computor"] = servers.Database, ["ConnectionStrings:RabbitMq"] = servers.Broker,
    ["ObjectStorage:ServiceUrl"] = servers.Storage, ["ObjectStorage:AccessKey"] = "S3RVER", ["ObjectStorage:SecretKey"] = "S3RVER",
    ["ObjectStorage:ChecksumsWhenRequired"] = "true", ["ObjectStorage:CreateBucket"] = "false",
    ["COMPUTOR_ADMIN_TOKEN"] = admin, ["Logging:LogLevel:Default"] = "Warning",
    // The warm-up's tests wait for a runner the whole benchmark; none may time out in the middle of a round.
    ["StudentTest:QueueTimeout"] = "1.00:00:00",
};
// Runs' checkouts and sandbox copies in memory, as deploy/compose and the Helm chart mount them (ADR 18).
var scratch = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"computor-bench-{Guid.NewGuid():N}");
var runnerWork = new Dictionary<string, string>
{
    ["Worker:WorkDirectory"] = Path.Combine(scratch, "workspaces"), ["Sandbox:WorkDirectory"] = Path.Combine(scratch, "runs"),
    ["Git:CacheDirectory"] = Path.Combine(scratch, "references"), ["Git:MirrorDirectory"] = Path.Combine(scratch, "mirrors"),
};
// Also when the benchmark fails or is interrupted: the folder is in memory, the groups are the kernel's.
using var leftovers = Interruption.OnExit(() =>
{
    ProcessCpu.Release();
    CoreSplit.Release();
    if (Directory.Exists(scratch))
        Directory.Delete(scratch, recursive: true);
});
Dictionary<string, string> With(params (string Key, string Value)[] more) =>
    new(common.Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value))));

using var api = await ServiceProcess.Start(root, "Computor.Api", "api", With(("ASPNETCORE_URLS", apiAddress.ToString())), new Uri(apiAddress, "/health/live"));
var systemAddress = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
using var system = await ServiceProcess.Start(root, "Computor.System", "system", With(("ASPNETCORE_URLS", systemAddress.ToString())), new Uri(systemAddress, "/health/ready"));
using var adminClient = new HttpClient { BaseAddress = apiAddress, Timeout = TimeSpan.FromMinutes(2) };
adminClient.DefaultRequestHeaders.Add("X-API-Token", admin);
using var course = await BenchCourse.Create(adminClient, size);

Say($"Burst benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({Cpu()}), N = {size}, {Slots} slots per runner");
Say("Services as separate processes on PostgreSQL, RabbitMQ and s3rver started by deploy/local; every submission polled every 2 s;");
if (CoreSplit.RunnerCores is { } cores)
    Say($"Runners with their sandboxes, and the raw limit, on cores {cores}; everything else on cores {CoreSplit.OtherCores} (BENCH_RUNNER_CORES).");
Say(scratch.StartsWith("/dev/shm/", StringComparison.Ordinal) ? "runs' checkouts and sandbox copies in memory (/dev/shm)." : "runs' checkouts and sandbox copies on disk (no /dev/shm).");
var warming = Stopwatch.StartNew();
await Round.WarmServices(apiAddress, course, warmUpPosts, clients: 200);
Say($"API and system service warmed up first by {warmUpPosts} POSTs of an assignment no runner serves, left queued ({warming.Elapsed.TotalSeconds:0} s).");
Say("");
double? firstThroughput = null;
var version = 0;
foreach (var runnerCount in rounds)
{
    var runners = new List<ServiceProcess>();
    try
    {
        for (var i = 0; i < runnerCount; i++)
        {
            var address = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
            runners.Add(await ServiceProcess.Start(root, "Computor.PythonRunner", $"runner{i + 1}", With([("ASPNETCORE_URLS", address.ToString()),
                ("WORKER_CONCURRENCY", Slots.ToString()), ("Sandbox:FirstUid", (61000 + 100 * i).ToString()),
                .. runnerWork.Select(w => (w.Key, w.Value))]), new Uri(address, "/health/ready")));
        }
        Dictionary<string, IReadOnlyCollection<int>> Trees() => new(servers.Processes())
        {
            ["api"] = [api.Id], ["system"] = [system.Id], ["runners"] = runners.Select(r => r.Id).ToList(), ["client"] = [Environment.ProcessId],
        };
        CoreSplit.Place(ProcessCpu.Processes(Trees()), onRunnerCores: "runners");
        // Services that meet a deadline have been running: a burst first, so the figures are not the JIT's.
        // Enough runs for every runner process to finish compiling its hot code (about 20 s of a runner's life, ADR 17).
        await Round.Burst(apiAddress, course, course.NewVersions(++version, Math.Min(size, 150 * Math.Max(2, runnerCount))), clients: 200);
        var probe = await Round.Probe(apiAddress, course, clients: 200);
        var versions = course.NewVersions(++version, size);
        var cpuBefore = ProcessCpu.Snapshot(Trees());
        var machineBefore = ProcessCpu.Machine();
        var wall = Stopwatch.StartNew();
        var runs = await Round.Burst(apiAddress, course, versions, clients: 200);
        var wallSeconds = wall.Elapsed.TotalSeconds;
        var cpu = ProcessCpu.Snapshot(Trees()).ToDictionary(c => c.Key, c => c.Value - cpuBefore[c.Key]);
        var machine = ProcessCpu.Machine() - machineBefore;
        var trickle = await Round.Trickle(apiAddress, course, student => course.NewVersion(++version, student), TrickleRuns);
        var trickled = trickle.Where(t => t.Run.Status == "finished" && t.Run.Started != default).ToList();
        var orchestration = trickled.Select(t => t.EndToEndMs - (t.Run.Finished - t.Run.Started).TotalMilliseconds).ToList();
        // Where the overhead goes: the POST, the run's way from the API to a runner, and the result's way back to the client.
        var dispatch = trickled.Select(t => (t.Run.Started - t.Run.Created).TotalMilliseconds);
        var comeback = trickled.Select(t => t.EndToEndMs - t.Run.AcceptMs - (t.Run.Finished - t.Run.Created).TotalMilliseconds);
        // The raw limit runs in this process: its time then is the suites' and the sandboxes'.
        CoreSplit.Place(ProcessCpu.Processes(Trees()), onRunnerCores: "client");
        var rawBefore = ProcessCpu.Snapshot(Trees())["client"];
        var rawMachineBefore = ProcessCpu.Machine();
        var raw = await RawLimit.RunsPerSecond(size, runnerCount * Slots, new Dictionary<string, string> { ["Sandbox:WorkDirectory"] = runnerWork["Sandbox:WorkDirectory"] });
        var rawMachine = ProcessCpu.Machine() - rawMachineBefore;
        var rawCpu = ProcessCpu.Snapshot(Trees())["client"] - rawBefore;
        var failed = runs.Count(r => r.Status != "finished");
        var e2e = runs.Select(r => (r.Finished - r.Created).TotalMilliseconds).ToList();
        // A completion can overtake its start event; such a result has no start time and is left out here.
        var started = runs.Where(r => r.Started != default).ToList();
        var execution = started.Select(r => (r.Finished - r.Started).TotalMilliseconds).ToList();
        var waited = started.Select(r => (r.Started - r.Created).TotalMilliseconds).ToList();
        var span = (runs.Max(r => r.Finished) - runs.Min(r => r.Created)).TotalSeconds;
        var drain = runs.Count / span;
        firstThroughput ??= drain;
        Say($"{runnerCount} runner(s), {runnerCount * Slots} slots: {runs.Count} runs, {failed} not finished, {runs.Count - started.Count} without a start time");
        Say($"  POST /tests acceptance     p50 {Round.Percentile(runs.Select(r => r.AcceptMs), 50),8:0.0} ms   p99 {Round.Percentile(runs.Select(r => r.AcceptMs), 99),8:0.0} ms   (target p99 <= 50 ms)");
        Say($"  liveness probe, baseline   p50 {Round.Percentile(probe, 50),8:0.0} ms   p99 {Round.Percentile(probe, 99),8:0.0} ms   (the same {size} clients, 200 in flight, warm, before the burst:"
            + $" no database or broker); POST's p99 {Round.Percentile(runs.Select(r => r.AcceptMs), 99) / Round.Percentile(probe, 99):0.0}x");
        Say($"  end-to-end                 p50 {Round.Percentile(e2e, 50),8:0} ms   p99 {Round.Percentile(e2e, 99),8:0} ms");
        Say($"  runner's own execution     p50 {Round.Percentile(execution, 50),8:0} ms   p99 {Round.Percentile(execution, 99),8:0} ms");
        Say($"  end-to-end minus execution p50 {Round.Percentile(waited, 50),8:0} ms   p99 {Round.Percentile(waited, 99),8:0} ms   (mostly the backlog's wait for a slot)");
        Say($"  orchestration overhead     p50 {Round.Percentile(orchestration, 50),8:0} ms   p99 {Round.Percentile(orchestration, 99),8:0} ms   (one run at a time, {orchestration.Count} of {TrickleRuns} runs finished:"
            + $" posted to seen final, minus execution, polled every {Round.TricklePoll.TotalMilliseconds:0} ms; targets 25 / 150 ms)");
        Say($"    of which (p50)           POST {Round.Percentile(trickled.Select(t => t.Run.AcceptMs), 50),4:0} ms, created to started on a runner {Round.Percentile(dispatch, 50),4:0} ms,"
            + $" finished on the runner to seen by the client {Round.Percentile(comeback, 50),4:0} ms");
        Say($"  drain throughput {drain,6:0.0} runs/s; raw limit (same suites, harness, sandbox, {runnerCount * Slots} at once, no API/broker/DB) {raw,6:0.0} runs/s; ratio {drain / raw:0.00} (target >= 0.85)");
        Say($"  CPU per run: {string.Join(", ", cpu.Select(c => $"{c.Key} {c.Value * 1000 / runs.Count:0} ms"))}; total {cpu.Values.Sum() * 1000 / runs.Count:0} ms"
            + (ProcessCpu.Grouped ? "" : " (without the sandboxes, see ProcessCpu)"));
        Say($"    whole machine {machine * 1000 / runs.Count:0} ms ({machine / wallSeconds:0.0} of {Environment.ProcessorCount} cores busy);"
            + $" raw limit {rawCpu * 1000 / size:0} ms, whole machine {rawMachine * 1000 / size:0} ms");
        Say($"  scaling: {drain / firstThroughput:0.00}x the first round's throughput");
        Say($"  peak RSS: api {api.PeakRssMb():0} MB, system {system.PeakRssMb():0} MB, " + string.Join(", ", runners.Select(r => $"{r.Name} {r.PeakRssMb():0} MB")));
        Say("");
    }
    finally
    {
        foreach (var runner in runners)
            runner.Dispose();
    }
}

leftovers.Dispose();

var readme = Path.Combine(root, "bench", "README.md");
var text = await File.ReadAllTextAsync(readme);
// Each placement keeps a block of its own: a run with the runners on their own cores does not replace the shared machine's.
var (begin, end) = CoreSplit.RunnerCores is null
    ? ("<!-- burst: written by bench/burst.sh -->", "<!-- /burst -->")
    : ("<!-- burst-runner-cores: written by bench/burst.sh with BENCH_RUNNER_CORES -->", "<!-- /burst-runner-cores -->");
var block = $"{begin}\n```\n{output.ToString().TrimEnd()}\n```\n{end}";
text = text.Contains(begin) ? text[..text.IndexOf(begin, StringComparison.Ordinal)] + block + text[(text.IndexOf(end, StringComparison.Ordinal) + end.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
await File.WriteAllTextAsync(readme, text);

static string Cpu() => File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
