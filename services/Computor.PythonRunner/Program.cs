using Computor.PythonRunner;
using Computor.ServiceDefaults;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddPythonRunner();
builder.Build().Run();
