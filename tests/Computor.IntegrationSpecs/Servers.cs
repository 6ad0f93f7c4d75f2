using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>Starts the servers once for the assembly's whole run and stops them at its end.</summary>
[SetUpFixture]
public sealed class Servers
{
    static ITestServers? current;

    internal static ITestServers Current => current ?? throw new InvalidOperationException("servers not started");

    static ObjectStorageServer? storage;

    internal static ObjectStorageServer Storage => storage ?? throw new InvalidOperationException("object storage not started");

    [OneTimeSetUp]
    public async Task Start()
    {
        if (await Leftovers.Sweep() is > 0 and var stopped)
            await TestContext.Progress.WriteLineAsync($"Stopped {stopped} processes left running by runs of the specs that were killed");
        Leftovers.MarkThisRun();
        var servers = TestServers.Start();
        var s3 = ObjectStorageServer.Start();
        current = await servers;
        storage = await s3;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (current is not null)
            await current.DisposeAsync();
        if (storage is not null)
            await storage.DisposeAsync();
    }
}
