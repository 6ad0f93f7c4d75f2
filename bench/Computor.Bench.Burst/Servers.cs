using Computor.IntegrationSpecs.Infrastructure;
namespace Computor.Bench.Burst;

/// <summary>PostgreSQL, RabbitMQ and the S3 server started from the local installation by deploy/local's scripts.</summary>
sealed class Servers(string root, string state, int rabbitPort) : IAsyncDisposable
{
    public string Database { get; private init; } = "";
    public string Broker { get; private init; } = "";
    public string Storage { get; private init; } = "";

    public static async Task<Servers> Start(string root)
    {
        var state = Path.Combine(root, ".tmp", "bench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(state);
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        var rabbitPort = Shell.FreePort();
        var script = (string name) => Path.Combine(root, "deploy", "local", name);
        var database = Shell.Run(script("start-postgres.sh"), Path.Combine(state, "postgres"), Shell.FreePort().ToString());
        var broker = Shell.Run(script("start-rabbitmq.sh"), Path.Combine(state, "rabbitmq"), rabbitPort.ToString(), Shell.FreePort().ToString(), Shell.FreePort().ToString());
        var storage = Shell.Run(script("start-s3.sh"), Path.Combine(state, "s3"), Shell.FreePort().ToString(), "computor-storage");
        await Task.WhenAll(database, broker, storage);
        return new Servers(root, state, rabbitPort) { Database = await database, Broker = await broker, Storage = (await storage).Split('\n')[^1] };
    }

    /// <summary>Each server's processes, for <see cref="ProcessCpu"/>: those that name its folder, and their children.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<int>> Processes() =>
        new[] { "postgres", "rabbitmq", "s3" }.ToDictionary(name => name, name => ProcessCpu.RootsNaming(Path.Combine(state, name)));

    public async ValueTask DisposeAsync()
    {
        var script = (string name) => Path.Combine(root, "deploy", "local", name);
        await Shell.Run(script("stop-s3.sh"), Path.Combine(state, "s3"));
        await Shell.Run(script("stop-rabbitmq.sh"), Path.Combine(state, "rabbitmq"), rabbitPort.ToString());
        await Shell.Run(script("stop-postgres.sh"), Path.Combine(state, "postgres"));
        Directory.Delete(state, recursive: true);
    }
}
