using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>An assignment in the editor layout, tested by the built <c>computor-test</c> command as a lecturer would.</summary>
sealed class LocalAssignment : IDisposable
{
    readonly DirectoryInfo root = Directory.CreateTempSubdirectory("computor-local-");

    readonly string language;

    public LocalAssignment(IReadOnlyDictionary<string, string> assignment, string studentCode, string language = "python", string studentFile = "sums.py")
    {
        this.language = language;
        foreach (var (name, content) in assignment)
            Write(name == "test.yaml" ? name : Path.Combine("reference", name), content);
        Write(Path.Combine("student", studentFile), studentCode);
    }

    void Write(string relative, string content)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public async Task<JsonNode> Run()
    {
        var command = Path.Combine(RepositoryRoot.Path, "services", "Computor.TestCommand", "bin", ServiceProcess.Configuration, "net10.0", "computor-test.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { command, language, "run", "-T", "test.yaml" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await errors);
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root.FullName, "output", "testSummary.json")))!;
    }

    public void Dispose() => root.Delete(recursive: true);
}
