using Computor.Runner.Matlab;
using Computor.Runner.Service;
using Computor.ServiceDefaults;

namespace Computor.MatlabRunner;

public static class MatlabRunnerExtensions
{
    /// <summary>The MATLAB runner service: Octave or MATLAB engine, sandbox, workspaces, report store, the matlab-tests queue.</summary>
    public static IHostApplicationBuilder AddMatlabRunner(this IHostApplicationBuilder builder)
    {
        builder.AddMatlabEngine();
        builder.AddRunnerService(RunnerQueues.Matlab);
        return builder;
    }
}
