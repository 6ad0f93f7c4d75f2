using System.Diagnostics;

namespace Computor.Bench;

/// <summary>Wall-clock figures for the benchmarks: medians, so one noisy run does not move them.</summary>
static class Measure
{
    public static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static double Median(int count, Func<double> measure)
    {
        measure(); // warm-up: page cache, JIT
        var times = Enumerable.Range(0, count).Select(_ => measure()).Order().ToList();
        return times[times.Count / 2];
    }

    /// <summary>Wall time of a process in ms; negative when it fails.</summary>
    public static double Process(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return process.ExitCode == 0 ? elapsed : -1;
    }
}
