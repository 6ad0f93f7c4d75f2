using Computor.Runner.Matlab;
using Computor.Runner.Python;
using Computor.TestCommand;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddEnvironmentVariables();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
// The language is the first argument; the engine that runs it is the only one this process composes.
switch (args.FirstOrDefault())
{
    case MatlabOptions.Octave or MatlabOptions.Matlab:
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{MatlabOptions.Section}:Engine"] = args[0] });
        builder.AddMatlabEngine();
        break;
    default:
        builder.AddPythonEngine();
        break;
}
using var host = builder.Build();
return await TesterCommand.Run(args, host.Services, Console.Out, Console.Error);
