using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// The standalone Aspire dashboard from NuGet as a real OTLP receiver: services export to it over OTLP/gRPC,
/// and its telemetry API answers with the spans and log records it received.
/// </summary>
sealed class TraceReceiver : IAsyncDisposable
{
    const string ApiKey = "specs-telemetry-key-0123456789";
    readonly Process process;
    readonly HttpClient api;

    TraceReceiver(Process process, Uri frontend, Uri otlp)
    {
        this.process = process;
        Otlp = otlp;
        api = new HttpClient { BaseAddress = frontend };
        api.DefaultRequestHeaders.Add("x-api-key", ApiKey);
    }

    public Uri Otlp { get; }

    public static async Task<TraceReceiver> Start()
    {
        var program = typeof(TraceReceiver).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AspireDashboard").Value!;
        if (!File.Exists(program))
            Assert.Fail($"The Aspire dashboard is missing at {program}: dotnet restore fetches it (NuGet Aspire.Dashboard.Sdk.linux-x64)");
        var frontend = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        var otlp = new Uri($"http://127.0.0.1:{Shell.FreePort()}");
        var start = new ProcessStartInfo(program) { WorkingDirectory = Path.GetDirectoryName(program)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = frontend.ToString();
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlp.ToString();
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["DASHBOARD__FRONTEND__AUTHMODE"] = "Unsecured";
        start.Environment["DASHBOARD__OTLP__AUTHMODE"] = "Unsecured";
        start.Environment["DASHBOARD__API__AUTHMODE"] = "ApiKey";
        start.Environment["DASHBOARD__API__PRIMARYAPIKEY"] = ApiKey;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var receiver = new TraceReceiver(process, frontend, otlp);
        await Eventually.Until(async () =>
        {
            try
            {
                return (await receiver.api.GetAsync("/api/telemetry/traces")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, up => up, "the Aspire dashboard to answer");
        return receiver;
    }

    /// <summary>Every span received so far: trace id, service, name and attributes.</summary>
    public async Task<IReadOnlyList<Span>> Spans()
    {
        var json = JsonNode.Parse(await api.GetStringAsync("/api/telemetry/traces?limit=10000"))!;
        var spans = new List<Span>();
        foreach (var resource in json["data"]?["resourceSpans"]?.AsArray() ?? [])
        {
            var service = Attributes(resource!["resource"]?["attributes"]).GetValueOrDefault("service.name") ?? "";
            foreach (var scope in resource["scopeSpans"]?.AsArray() ?? [])
                foreach (var span in scope!["spans"]?.AsArray() ?? [])
                    spans.Add(new Span(span!["traceId"]!.GetValue<string>(), service, span["name"]!.GetValue<string>(),
                        scope["scope"]?["name"]?.GetValue<string>() ?? "", Attributes(span["attributes"])));
        }
        return spans;
    }

    /// <summary>Every log record received so far: trace id, service, message and attributes.</summary>
    public async Task<IReadOnlyList<LogRecord>> Logs()
    {
        var json = JsonNode.Parse(await api.GetStringAsync("/api/telemetry/logs?limit=10000"))!;
        var records = new List<LogRecord>();
        foreach (var resource in json["data"]?["resourceLogs"]?.AsArray() ?? [])
        {
            var service = Attributes(resource!["resource"]?["attributes"]).GetValueOrDefault("service.name") ?? "";
            foreach (var scope in resource["scopeLogs"]?.AsArray() ?? [])
                foreach (var record in scope!["logRecords"]?.AsArray() ?? [])
                    records.Add(new LogRecord(record!["traceId"]?.GetValue<string>() ?? "", service,
                        record["body"]?.AsObject().Select(v => v.Value?.ToString()).FirstOrDefault() ?? "", Attributes(record["attributes"])));
        }
        return records;
    }

    static Dictionary<string, string> Attributes(JsonNode? attributes) =>
        (attributes?.AsArray() ?? []).ToDictionary(a => a!["key"]!.GetValue<string>(),
            a => a!["value"]?.AsObject().Select(v => v.Value?.ToString()).FirstOrDefault() ?? "");

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public sealed record LogRecord(string TraceId, string Service, string Message, IReadOnlyDictionary<string, string> Attributes);

    public sealed record Span(string TraceId, string Service, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);
}
