using System.Globalization;
using FinFlow.Gateway.Docs;
using FinFlow.Gateway.Protection;
using FinFlow.Gateway.Proxy;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFinFlowJwtAuthentication();
builder.AddGatewayProtection();
var daprHttpPort = int.Parse(builder.Configuration["DAPR_HTTP_PORT"] ?? "3500", CultureInfo.InvariantCulture);
var daprApiToken = builder.Configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null;
builder.Services.AddReverseProxy().LoadFromMemory(ProxyConfiguration.Routes(daprApiToken), ProxyConfiguration.Clusters(daprHttpPort));

var app = builder.Build();
app.UseSecurityHeaders();
app.MapDefaultEndpoints();
app.UseCors(GatewayProtection.CorsPolicy);
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseCombinedSwaggerUi();
app.MapReverseProxy();
app.Run();

/// <summary>Entry point, public so tests can host the gateway.</summary>
public partial class Program;
