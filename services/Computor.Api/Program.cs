using Computor.Api;
using Computor.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddComputorApi();
builder.AddComputorBus();

var app = builder.Build();
app.MapComputorApi();
app.Run();

/// <summary>Entry point, visible to the integration specs' WebApplicationFactory.</summary>
public partial class Program;
