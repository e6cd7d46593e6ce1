using FinFlow.Analytics.Categorization;
using FinFlow.Analytics.Forecasting;
using FinFlow.Analytics.Series;
using FinFlow.Contracts;
using FinFlow.Data;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;
using FinFlow.ServiceDefaults.Events;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddValidation();
builder.AddServiceDatabase("analytics", typeof(Program).Assembly);
builder.AddFinFlowJwtAuthentication();
builder.AddSidecarInvocationClient(AppIds.Accounting);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddCategorization();
builder.AddForecasting();
builder.Services.AddSingleton<ForecastCache>();
builder.Services.AddSingleton<ForecastRefresher>();
builder.Services.AddHostedService(services => services.GetRequiredService<ForecastRefresher>());

var app = builder.Build();
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseDaprAppToken();
app.UseAuthentication();
app.UseAuthorization();
app.UseEventSubscriptions();
app.MapCategorizationEndpoints();
app.MapForecastEndpoints();
app.MapSeriesEventEndpoints();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it.</summary>
public partial class Program;
