using System.Net;
using System.Text;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>Answers the app's JWKS fetch (normally auth's, through the sidecar) with the test key, so no auth process is needed.</summary>
internal sealed class JwksHandler(string jwks) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") });
}
