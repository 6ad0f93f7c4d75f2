using Computor.ServiceDefaults;
using Computor.System;

// A web host only for /health/live and /health/ready (broker and database reachable).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddComputorSystem();
builder.AddComputorBus();
var app = builder.Build();
app.MapHealthEndpoints();
app.Run();
