using FinFlow.Payments.Processing;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>
/// The real payments app with test settings. Only the JWKS fetch is answered in-process; when a
/// <see cref="ProcessorRecorder"/> is given, the configured processor is wrapped by it.
/// </summary>
public sealed class PaymentsFactory(IReadOnlyDictionary<string, string?> settings, string jwks, ProcessorRecorder? recorder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(JwksKeyCache.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new JwksHandler(jwks));
            if (recorder is null) return;
            var registration = services.Last(d => d.ServiceType == typeof(IPaymentProcessor));
            services.Remove(registration);
            services.AddSingleton(registration.ImplementationType!);
            services.AddSingleton(sp => recorder.Wrap((IPaymentProcessor)sp.GetRequiredService(registration.ImplementationType!)));
        });
    }
}
