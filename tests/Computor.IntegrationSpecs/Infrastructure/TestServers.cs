namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ for a test run, whichever way they are provided.</summary>
interface ITestServers : IAsyncDisposable
{
    Task<string> NewDatabase();

    /// <summary>A fresh virtual host the returned amqp:// URI's user may use.</summary>
    Task<string> NewVirtualHost();

    Task StopBroker();

    Task StartBroker();

    /// <summary>Stops PostgreSQL (fast shutdown: connections are cut) and starts it again on the same port.</summary>
    Task RestartDatabase();
}

static class TestServers
{
    /// <summary>
    /// Containers where a Docker engine answers (Testcontainers), else the locally installed servers.
    /// <c>COMPUTOR_SPECS_SERVERS=local|docker</c> forces one.
    /// </summary>
    public static async Task<ITestServers> Start() =>
        Environment.GetEnvironmentVariable("COMPUTOR_SPECS_SERVERS") switch
        {
            "docker" => await ContainerServers.Start(),
            "local" => await LocalServers.Start(),
            _ when DockerEngineConfigured() => await ContainerServers.Start(),
            _ => await LocalServers.Start(),
        };

    static bool DockerEngineConfigured() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
