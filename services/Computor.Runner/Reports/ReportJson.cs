using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Computor.Runner.Reports;

/// <summary>How testSummary.json is written and read: camelCase, UTC timestamps, readable indentation.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Serialize(TestReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    public static TestReport Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<TestReport>(json, Options) ?? throw new JsonException("empty report");

    public static async Task Write(TestReport report, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Serialize(report), cancellationToken);
    }
}
