using Computor.ServiceDefaults;
using Computor.System;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddComputorSystem();
builder.Build().Run();
