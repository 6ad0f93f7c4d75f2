using Computor.Runner.Execution;
using Computor.Runner.Matlab;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.RunnerSpecs.Octave;

/// <summary>The real MATLAB-language engine on GNU Octave in the real sandbox, as the MATLAB runner composes it.</summary>
[SetUpFixture]
public sealed class OctaveEngine
{
    static IHost? host;

    public static SuiteRunner Suites => host?.Services.GetRequiredService<SuiteRunner>() ?? throw new InvalidOperationException("engine not started");

    [OneTimeSetUp]
    public void Start()
    {
        if (!File.Exists("/usr/bin/octave-cli"))
            Assert.Fail("GNU Octave is missing: bash deploy/local/install-prerequisites.sh installs octave, gnuplot-nox and fonts-freefont-otf");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Its own uids, apart from the Python engine's and the integration specs' runners (see Engine).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Matlab:Engine"] = "octave", ["Sandbox:FirstUid"] = "63100" });
        builder.AddMatlabEngine();
        host = builder.Build();
    }

    [OneTimeTearDown]
    public void Stop() => host?.Dispose();
}
