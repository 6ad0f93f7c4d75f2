using Computor.Runner.Python;
using Computor.Runner.Service;
using Computor.ServiceDefaults;

namespace Computor.PythonRunner;

public static class PythonRunnerExtensions
{
    /// <summary>The Python runner service: Python engine, sandbox, workspaces, report store, the python-tests queue.</summary>
    public static IHostApplicationBuilder AddPythonRunner(this IHostApplicationBuilder builder)
    {
        builder.AddPythonEngine();
        builder.AddRunnerService(RunnerQueues.Python);
        return builder;
    }
}
