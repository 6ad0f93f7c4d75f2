using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>Starts the servers once for the assembly's whole run and stops them at its end.</summary>
[SetUpFixture]
public sealed class Servers
{
    static ITestServers? current;

    internal static ITestServers Current => current ?? throw new InvalidOperationException("servers not started");

    [OneTimeSetUp]
    public async Task Start() => current = await TestServers.Start();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (current is not null)
            await current.DisposeAsync();
    }
}
