using System.Runtime.InteropServices;

namespace Computor.Bench.Burst;

/// <summary>
/// What the benchmark started is stopped also when it is interrupted (Ctrl-C, SIGTERM, SIGHUP). A signal would otherwise
/// end the process before its disposals, and the servers, the services and the runs' folder in memory would outlive it.
/// </summary>
static class Interruption
{
    static readonly Lock Gate = new();
    static readonly List<Action> Stops = [];
    // Held for the life of the process: a registration that is collected no longer catches its signal.
    static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, Interrupt))];
    static bool interrupted;

    /// <summary>Runs <paramref name="stop"/> once: when the result is disposed, or when the benchmark is interrupted first.</summary>
    public static IDisposable OnExit(Action stop)
    {
        bool late;
        lock (Gate)
        {
            late = interrupted;
            if (!late)
                Stops.Add(stop);
        }
        // Started while the interruption stops the rest: stopped at once, and the benchmark goes no further.
        if (late)
        {
            stop();
            AwaitTheEnd();
        }
        return new Stopping(stop);
    }

    sealed class Stopping(Action stop) : IDisposable
    {
        public void Dispose()
        {
            bool mine, waiting;
            lock (Gate)
            {
                waiting = interrupted;
                mine = !waiting && Stops.Remove(stop);
            }
            // The benchmark's own way out, which a service stopped under it may have set off, must not end the process
            // before the interruption has stopped everything.
            if (waiting)
                AwaitTheEnd();
            if (mine)
                stop();
        }
    }

    static void Interrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        Action[] stops;
        lock (Gate)
        {
            if (interrupted)
                return;
            interrupted = true;
            stops = [.. Enumerable.Reverse(Stops)];
            Stops.Clear();
        }
        Console.Error.WriteLine($"{context.Signal}: stopping the services and servers the benchmark started");
        foreach (var stop in stops)
        {
            try
            {
                stop();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"could not stop: {e.Message}");
            }
        }
        Environment.Exit(128 + SignalNumber(context.Signal));
    }

    /// <summary>Parks the caller for good: the interruption ends the process once it has stopped everything.</summary>
    static void AwaitTheEnd() => Thread.Sleep(Timeout.Infinite);

    static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        _ => 15,
    };
}
