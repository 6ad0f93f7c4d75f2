using System.Collections.Concurrent;
using System.Diagnostics;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// Drains a started process's output, so a chatty one never blocks on a full pipe, and keeps its last lines to say
/// why it did not start.
/// </summary>
sealed class OutputTail
{
    const int Lines = 20;
    readonly ConcurrentQueue<string> last = new();

    public OutputTail(Process process)
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    void Keep(string? line)
    {
        if (line is null)
            return;
        last.Enqueue(line);
        while (last.Count > Lines)
            last.TryDequeue(out _);
    }

    public override string ToString() => string.Join('\n', last);
}
