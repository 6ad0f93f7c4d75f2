using Computor.MatlabRunner;
using Computor.ServiceDefaults;

// A web host only for /health/live and /health/ready (broker connected, sandbox checked at start).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMatlabRunner();
builder.AddComputorBus();
var app = builder.Build();
app.MapHealthEndpoints();
app.Run();
