using Computor.Runner.Execution;
using Computor.Runner.Sandboxing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Runner;

public static class RunnerCoreExtensions
{
    /// <summary>Sandbox and suite runner; a language engine (Python, MATLAB) is added by its own project.</summary>
    public static IHostApplicationBuilder AddRunnerCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Sandbox>();
        builder.Services.AddSingleton<SandboxSlots>();
        builder.Services.AddSingleton<SuiteRunner>();
        builder.Services.AddSingleton<ReferenceRuns>();
        return builder;
    }
}
