using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Python;

/// <summary>
/// What the runner learns once about the configured interpreter: its module path (the executor starts
/// with <c>-S</c>, which halves start-up) and the executor compiled for it (compiling the source at
/// every start would cost a few milliseconds per sandbox).
/// </summary>
public sealed class PythonInterpreter(IOptions<PythonOptions> options)
{
    static readonly string Source = Path.Combine(AppContext.BaseDirectory, "harness", "computor_exec.py");

    readonly Lock gate = new();
    Task<string[]>? modulePath;
    Task<string>? executor;

    public string Executable => options.Value.Interpreter;

    public Task<string[]> ModulePath()
    {
        lock (gate)
            return modulePath ??= AskModulePath();
    }

    /// <summary>The compiled executor, readable by the sandbox uids.</summary>
    public Task<string> Executor()
    {
        lock (gate)
            return executor ??= Compile();
    }

    async Task<string[]> AskModulePath() =>
        JsonSerializer.Deserialize<string[]>(await Python("-I", "-c", "import json, sys; print(json.dumps(sys.path))")) ?? [];

    async Task<string> Compile()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"computor-python-{Environment.UserName}");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var identity = SHA256.HashData([.. await File.ReadAllBytesAsync(Source), .. System.Text.Encoding.UTF8.GetBytes(Executable)]);
        var compiled = Path.Combine(folder, $"computor_exec-{Convert.ToHexStringLower(identity)[..16]}.pyc");
        if (!File.Exists(compiled))
        {
            var partial = $"{compiled}.{Guid.NewGuid():N}";
            await Python("-I", "-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", Source, partial);
            File.SetUnixFileMode(partial, (UnixFileMode)0b110_100_100);
            File.Move(partial, compiled, overwrite: true);
        }
        return compiled;
    }

    async Task<string> Python(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Executable} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        return await output;
    }
}
