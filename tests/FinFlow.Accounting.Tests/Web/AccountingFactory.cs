using System.Globalization;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>The real accounting app on its own database; only the JWKS fetch is answered in-process with the test key.</summary>
internal sealed class AccountingFactory(string connectionString, int daprHttpPort, Func<HttpMessageHandler> jwks) : WebApplicationFactory<Program>
{
    public const string Issuer = "finflow-auth";
    public const string Audience = "finflow-api";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:accounting", connectionString);
        builder.UseSetting("DAPR_HTTP_PORT", daprHttpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Service:Name", "accounting");
        builder.UseSetting("Authentication:Jwt:Issuer", Issuer);
        builder.UseSetting("Authentication:Jwt:Audience", Audience);
        builder.ConfigureTestServices(services => services
            .AddHttpClient(JwksKeyCache.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(jwks));
    }
}
