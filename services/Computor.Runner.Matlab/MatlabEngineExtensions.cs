using Computor.Runner.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Runner.Matlab;

public static class MatlabEngineExtensions
{
    /// <summary>The MATLAB-language engine (GNU Octave or MATLAB, <c>Matlab__Engine</c>) on top of the runner core.</summary>
    public static IHostApplicationBuilder AddMatlabEngine(this IHostApplicationBuilder builder)
    {
        builder.AddRunnerCore();
        builder.Services.AddOptions<MatlabOptions>().BindConfiguration(MatlabOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MatlabHarness>();
        builder.Services.AddSingleton<ILanguageEngine, MatlabEngine>();
        return builder;
    }
}
