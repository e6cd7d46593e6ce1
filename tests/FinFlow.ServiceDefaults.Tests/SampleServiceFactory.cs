using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace FinFlow.ServiceDefaults.Tests;

/// <summary>Hosts the sample service on its real database, pointed at a given sidecar port.</summary>
internal sealed class SampleServiceFactory(string connectionString, int daprHttpPort) : WebApplicationFactory<Program>
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:sample", connectionString);
        builder.UseSetting("DAPR_HTTP_PORT", daprHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Service:Name", "sample");
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}
