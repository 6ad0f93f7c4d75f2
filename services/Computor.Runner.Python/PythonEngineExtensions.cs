using Computor.Runner;
using Computor.Runner.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Runner.Python;

public static class PythonEngineExtensions
{
    /// <summary>The Python language engine on top of the runner core (sandbox, suite runner).</summary>
    public static IHostApplicationBuilder AddPythonEngine(this IHostApplicationBuilder builder)
    {
        builder.AddRunnerCore();
        builder.Services.AddOptions<PythonOptions>().BindConfiguration(PythonOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PythonInterpreter>();
        builder.Services.AddSingleton<ILanguageEngine, PythonEngine>();
        return builder;
    }
}
