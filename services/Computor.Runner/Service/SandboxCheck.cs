using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Hosting;

namespace Computor.Runner.Service;

/// <summary>A runner that cannot create its sandbox refuses to start, rather than take runs it cannot confine.</summary>
public sealed class SandboxCheck(Sandbox sandbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sandbox.Check(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
