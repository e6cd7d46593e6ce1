using System.Net;
using System.Text;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>An HTTP handler and client factory answering whatever JWKS the test sets, counting requests.</summary>
internal sealed class FakeJwksServer : HttpMessageHandler, IHttpClientFactory
{
    public string Jwks { get; set; } = """{"keys":[]}""";

    public bool Down { get; set; }

    /// <summary>Holds every answer until released, to catch requests arriving during a fetch.</summary>
    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public List<Uri> Requests { get; } = [];

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:3599/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(request.RequestUri!);
        await Gate.Task.WaitAsync(cancellationToken);
        return Down
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Jwks, Encoding.UTF8, "application/json") };
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
