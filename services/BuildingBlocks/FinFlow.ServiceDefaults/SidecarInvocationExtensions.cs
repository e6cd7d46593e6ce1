using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.ServiceDefaults;

public static class SidecarInvocationExtensions
{
    /// <summary>
    /// A named HttpClient whose relative URLs are methods of <paramref name="appId"/>, called through the local
    /// sidecar's invoke API (<c>/v1.0/invoke/{appId}/method/</c>) with the sidecar's API token when one is set.
    /// The service never learns where the other app runs.
    /// </summary>
    public static IHttpClientBuilder AddSidecarInvocationClient(this WebApplicationBuilder builder, string appId, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        var sidecar = JwksAddress.SidecarBase(builder.Configuration);
        var apiToken = builder.Configuration["DAPR_API_TOKEN"];
        return builder.Services.AddHttpClient(appId, client =>
        {
            client.BaseAddress = new Uri(sidecar, $"v1.0/invoke/{Uri.EscapeDataString(appId)}/method/");
            client.Timeout = timeout ?? TimeSpan.FromSeconds(10);
            if (!string.IsNullOrEmpty(apiToken)) client.DefaultRequestHeaders.Add("dapr-api-token", apiToken);
        });
    }
}
