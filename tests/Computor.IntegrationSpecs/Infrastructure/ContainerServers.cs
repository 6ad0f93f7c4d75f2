using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ (with its management plugin) as Testcontainers, where a Docker engine runs.</summary>
sealed class ContainerServers(PostgreSqlContainer postgres, RabbitMqContainer rabbit) : ITestServers
{
    const ushort ManagementPort = 15672;
    const string User = "computor";
    const string Password = "computor";

    public static async Task<ITestServers> Start()
    {
        var postgres = new PostgreSqlBuilder("postgres:15-alpine").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management")
            .WithUsername(User).WithPassword(Password).WithPortBinding(ManagementPort, true).Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        return new ContainerServers(postgres, rabbit);
    }

    public async Task<string> NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(postgres.GetConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Database = name }.ConnectionString;
    }

    public async Task<string> NewVirtualHost()
    {
        var vhost = "t-" + Guid.NewGuid().ToString("N");
        using var http = new HttpClient
        {
            BaseAddress = new Uri($"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(ManagementPort)}/api/"),
        };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        (await http.PutAsync($"vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"permissions/{vhost}/{User}", permissions)).EnsureSuccessStatusCode();
        return $"amqp://{User}:{Password}@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(RabbitMqBuilder.RabbitMqPort)}/{vhost}";
    }

    public Task StopBroker() => Ctl("stop_app");

    public Task StartBroker() => Ctl("start_app");

    /// <summary>A restarted container may get another port, which the services could not follow.</summary>
    public Task RestartDatabase() => throw new NotSupportedException(
        "The PostgreSQL restart drill runs on the locally installed server: set COMPUTOR_SPECS_SERVERS=local");

    async Task Ctl(string command)
    {
        var result = await rabbit.ExecAsync(["rabbitmqctl", command]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} exited with {result.ExitCode}: {result.Stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        await rabbit.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
