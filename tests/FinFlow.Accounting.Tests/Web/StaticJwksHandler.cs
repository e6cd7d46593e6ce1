using System.Net;
using System.Text;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>Answers every JWKS fetch (normally auth's, through the sidecar) with the test's public key.</summary>
internal sealed class StaticJwksHandler(string jwks) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") });
}
