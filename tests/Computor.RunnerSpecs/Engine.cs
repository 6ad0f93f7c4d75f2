using Computor.Runner.Execution;
using Computor.Runner.Python;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.RunnerSpecs;

/// <summary>
/// The real Python engine and sandbox (bubblewrap, /usr/bin/python3 with numpy), as the runner service
/// composes them. Specs fail with instructions when the sandbox cannot be created; they never skip.
/// </summary>
[SetUpFixture]
public sealed class Engine
{
    static IHost? host;

    public static IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("engine not started");

    public static SuiteRunner Suites => Services.GetRequiredService<SuiteRunner>();

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // CI runs the integration specs' runners beside these, from 61000; a shared uid would share its process limit.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:FirstUid"] = "63000" });
        builder.AddPythonEngine();
        host = builder.Build();
        try
        {
            await Services.GetRequiredService<Sandbox>().Check(CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            Assert.Fail($"{e.Message} (bash deploy/local/install-prerequisites.sh installs bubblewrap and python3-numpy)");
        }
    }

    [OneTimeTearDown]
    public void Stop() => host?.Dispose();
}
