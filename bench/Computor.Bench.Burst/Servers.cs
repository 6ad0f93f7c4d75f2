using Computor.IntegrationSpecs.Infrastructure;
namespace Computor.Bench.Burst;

/// <summary>PostgreSQL, RabbitMQ and the S3 server started from the local installation by deploy/local's scripts.</summary>
sealed class Servers(string root, string state, int rabbitPort) : IDisposable
{
    // Before the servers start: an interruption while they start stops them too.
    readonly IDisposable stopping = Interruption.OnExit(() => Stop(root, state, rabbitPort));

    public string Database { get; private set; } = "";
    public string Broker { get; private set; } = "";
    public string Storage { get; private set; } = "";

    public static async Task<Servers> Start(string root)
    {
        var state = Path.Combine(root, ".tmp", "bench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(state);
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        var rabbitPort = Shell.FreePort();
        var servers = new Servers(root, state, rabbitPort);
        try
        {
            var database = Shell.Run(Script(root, "start-postgres.sh"), Path.Combine(state, "postgres"), Shell.FreePort().ToString());
            var broker = Shell.Run(Script(root, "start-rabbitmq.sh"), Path.Combine(state, "rabbitmq"), rabbitPort.ToString(),
                Shell.FreePort().ToString(), Shell.FreePort().ToString());
            var storage = Shell.Run(Script(root, "start-s3.sh"), Path.Combine(state, "s3"), Shell.FreePort().ToString(), "computor-storage");
            await Task.WhenAll(database, broker, storage);
            servers.Database = await database;
            servers.Broker = await broker;
            servers.Storage = (await storage).Split('\n')[^1];
            return servers;
        }
        catch
        {
            servers.Dispose();
            throw;
        }
    }

    /// <summary>Each server's processes, for <see cref="ProcessCpu"/>: those that name its folder, and their children.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<int>> Processes() =>
        new[] { "postgres", "rabbitmq", "s3" }.ToDictionary(name => name, name => ProcessCpu.RootsNaming(Path.Combine(state, name)));

    public void Dispose() => stopping.Dispose();

    static void Stop(string root, string state, int rabbitPort)
    {
        Shell.Run(Script(root, "stop-s3.sh"), Path.Combine(state, "s3")).GetAwaiter().GetResult();
        Shell.Run(Script(root, "stop-rabbitmq.sh"), Path.Combine(state, "rabbitmq"), rabbitPort.ToString()).GetAwaiter().GetResult();
        // pg_ctl refuses to stop a server that is not running, as after an interruption before it started.
        if (File.Exists(Path.Combine(state, "postgres", "data", "postmaster.pid")))
            Shell.Run(Script(root, "stop-postgres.sh"), Path.Combine(state, "postgres")).GetAwaiter().GetResult();
        Directory.Delete(state, recursive: true);
    }

    static string Script(string root, string name) => Path.Combine(root, "deploy", "local", name);
}
