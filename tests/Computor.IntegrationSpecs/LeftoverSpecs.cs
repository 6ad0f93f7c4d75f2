using System.Diagnostics;
using Computor.IntegrationSpecs.Infrastructure;
using Npgsql;

namespace Computor.IntegrationSpecs;

/// <summary>
/// A run of the specs killed before its teardown leaves its servers and services running; the next run stops them
/// (<see cref="Leftovers"/>), and only them.
/// </summary>
public class When_a_run_of_the_specs_was_killed
{
    readonly List<Process> processes = [];
    readonly List<string> folders = [];

    [TearDown]
    public async Task Clean()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
                process.Kill();
            process.Dispose();
        }
        foreach (var folder in folders.Where(Directory.Exists))
        {
            // When the sweep failed, the cluster it should have stopped is still running.
            if (File.Exists(Path.Combine(folder, "postgres", "data", "postmaster.pid")))
                await Shell.Run(RepositoryRoot.Script("stop-postgres.sh"), Path.Combine(folder, "postgres"));
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Should_stop_what_it_left_running_and_nothing_that_a_run_still_going_started()
    {
        var killedRun = await RunThatWasKilled();
        var runStillGoing = Leftovers.Identity(Sleeping(null).Id)!;
        var leftService = Sleeping(killedRun);
        var serviceOfARunStillGoing = Sleeping(runStillGoing);
        var leftFolder = Folder(killedRun);
        var folderOfARunStillGoing = Folder(runStillGoing);
        var port = Shell.FreePort();
        await Shell.Run(RepositoryRoot.Script("start-postgres.sh"), Path.Combine(leftFolder, "postgres"), port.ToString());

        Assert.That(await Leftovers.Sweep(), Is.GreaterThanOrEqualTo(1));

        Assert.Multiple(() =>
        {
            Assert.That(leftService.WaitForExit(TimeSpan.FromSeconds(10)), Is.True, "a service of the killed run is stopped");
            Assert.That(serviceOfARunStillGoing.HasExited, Is.False, "a service of a run still going runs on");
            Assert.That(Directory.Exists(leftFolder), Is.False, "the killed run's server folder is removed");
            Assert.That(Directory.Exists(folderOfARunStillGoing), Is.True, "the folder of a run still going stays");
            Assert.ThrowsAsync<NpgsqlException>(async () =>
            {
                await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");
                await connection.OpenAsync();
            }, "the killed run's PostgreSQL is stopped");
        });
    }

    /// <summary>The mark of a run whose process is gone.</summary>
    async Task<string> RunThatWasKilled()
    {
        var run = Sleeping(null);
        var identity = Leftovers.Identity(run.Id)!;
        run.Kill();
        await run.WaitForExitAsync();
        return identity;
    }

    Process Sleeping(string? run)
    {
        var start = new ProcessStartInfo("sleep", "600");
        start.Environment[Leftovers.Mark] = run;
        var process = Process.Start(start)!;
        processes.Add(process);
        return process;
    }

    string Folder(string run)
    {
        var folder = Directory.CreateTempSubdirectory("computor-specs-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        Leftovers.Claim(folder, run);
        folders.Add(folder);
        return folder;
    }
}
