using Computor.Runner.Python;
using Computor.TestCommand;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddEnvironmentVariables();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.AddPythonEngine();
using var host = builder.Build();
return await TesterCommand.Run(args, host.Services, Console.Out, Console.Error);
