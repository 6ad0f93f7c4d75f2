using Computor.Runner.Execution;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Hosting;

namespace Computor.Runner.Service;

/// <summary>
/// A runner that cannot create its sandbox, or whose language is not installed, refuses to start rather
/// than take runs it cannot do.
/// </summary>
public sealed class SandboxCheck(Sandbox sandbox, ILanguageEngine engine) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await sandbox.Check(cancellationToken);
        engine.Check();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
