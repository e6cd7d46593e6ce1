using FinFlow.Sidecar.InvokeTestApp;

// Listens where ASPNETCORE_URLS (or --urls) says; APP_ID names it in every answer.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<EchoState>();
var app = builder.Build();
EchoEndpoints.Map(app);
app.Run();
