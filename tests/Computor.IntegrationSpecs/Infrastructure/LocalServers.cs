using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ for the whole test run, started from the locally installed servers into a temporary
/// directory by the same scripts an operator uses (deploy/local). Each fixture gets its own database and
/// virtual host, so fixtures never see each other's messages or rows.
/// </summary>
sealed class LocalServers : ITestServers
{
    readonly string root = CreateRoot();
    readonly int rabbitPort = Shell.FreePort();
    readonly int managementPort = Shell.FreePort();
    readonly int postgresPort = Shell.FreePort();
    string postgres = "";

    string PostgresDir => Path.Combine(root, "postgres");
    string RabbitDir => Path.Combine(root, "rabbitmq");

    /// <summary>Readable by others: PostgreSQL runs as its own user when the specs run as root.</summary>
    static string CreateRoot()
    {
        var root = Directory.CreateTempSubdirectory("computor-specs-");
        File.SetUnixFileMode(root.FullName, (UnixFileMode)0b111_101_101);
        Leftovers.Claim(root.FullName);
        return root.FullName;
    }

    public static async Task<ITestServers> Start()
    {
        var servers = new LocalServers();
        try
        {
            var postgres = servers.StartPostgres();
            var rabbit = Shell.Run(RepositoryRoot.Script("start-rabbitmq.sh"), servers.RabbitDir, servers.rabbitPort.ToString(),
                servers.managementPort.ToString(), Shell.FreePort().ToString());
            await Task.WhenAll(postgres, rabbit);
        }
        catch (Exception ex)
        {
            await servers.DisposeAsync();
            throw new InvalidOperationException(
                "Integration specs need PostgreSQL 15+ and RabbitMQ 3.x installed locally " +
                "(apt-get install -y postgresql rabbitmq-server, or run .ci/run which installs them): " + ex.Message, ex);
        }
        return servers;
    }

    async Task StartPostgres() =>
        postgres = await Shell.Run(RepositoryRoot.Script("start-postgres.sh"), PostgresDir, postgresPort.ToString());

    public async Task<string> NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
    }

    /// <summary>A fresh virtual host for guest; returns its amqp:// URI.</summary>
    public async Task<string> NewVirtualHost()
    {
        var vhost = "t-" + Guid.NewGuid().ToString("N");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/api/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        (await http.PutAsync($"vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"permissions/{vhost}/guest", permissions)).EnsureSuccessStatusCode();
        return $"amqp://guest:guest@127.0.0.1:{rabbitPort}/{vhost}";
    }

    public Task StopBroker() => Shell.Run(RepositoryRoot.Script("rabbitmqctl.sh"), RabbitDir, rabbitPort.ToString(), "stop_app");

    public Task StartBroker() => Shell.Run(RepositoryRoot.Script("rabbitmqctl.sh"), RabbitDir, rabbitPort.ToString(), "start_app");

    public async Task RestartDatabase()
    {
        await Shell.Run(RepositoryRoot.Script("stop-postgres.sh"), PostgresDir);
        await StartPostgres();
        // The specs' own pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await Ignore(Shell.Run(RepositoryRoot.Script("stop-rabbitmq.sh"), RabbitDir, rabbitPort.ToString()));
        await Ignore(Shell.Run(RepositoryRoot.Script("stop-postgres.sh"), PostgresDir));
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    static async Task Ignore(Task task)
    {
        try { await task; }
        catch (InvalidOperationException) { }
    }
}
