using System.Globalization;
using System.Security.Claims;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>A minimal "other service" that only uses <c>AddFinFlowJwtAuthentication</c>, as payments or accounting will.</summary>
internal sealed class ProtectedTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedTestApp(WebApplication app) => _app = app;

    public JwksKeyCache Keys => _app.Services.GetRequiredService<JwksKeyCache>();

    public HttpClient Client() => _app.GetTestClient();

    public static async Task<ProtectedTestApp> StartAsync(int daprHttpPort, string apiToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Configuration["Authentication:Jwt:Issuer"] = TokenForge.Issuer;
        builder.Configuration["Authentication:Jwt:Audience"] = TokenForge.Audience;
        builder.Configuration["DAPR_HTTP_PORT"] = daprHttpPort.ToString(CultureInfo.InvariantCulture);
        builder.Configuration["DAPR_API_TOKEN"] = apiToken;
        builder.AddFinFlowJwtAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => user.FindFirstValue(FinFlowClaims.Subject)).RequireAuthorization();
        app.MapGet("/admin-only", () => "ok").RequireAuthorization(policy => policy.RequireRole(FinFlowRoles.Admin));
        await app.StartAsync();
        return new ProtectedTestApp(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
