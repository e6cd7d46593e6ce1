using System.Collections.Specialized;
using System.Web;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FinFlow.Payments.Tests.Processing;

/// <summary>A WireMock.Net server answering Stripe's PaymentIntents and Refunds endpoints as Stripe does.</summary>
public sealed class StripeStub : IDisposable
{
    public StripeStub() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public Uri Url => new(Server.Url!);

    public IReadOnlyList<ILogEntry> Requests(string path) => Server.LogEntries.Where(e => e.RequestMessage.Path == path).ToList();

    public void Answer(string method, string path, int status, string json, IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) response = response.WithHeader(name, value);
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    public static NameValueCollection Form(ILogEntry entry) => HttpUtility.ParseQueryString(entry.RequestMessage.Body ?? "");

    public static string Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers!.First(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.Single();

    public static string Intent(string id, string status, long amount, string? extra = null) => $$$"""
        {"id": "{{{id}}}", "object": "payment_intent", "amount": {{{amount}}}, "currency": "usd", "status": "{{{status}}}",
         "payment_method": {"id": "pm_1Stub", "object": "payment_method", "type": "card", "card": {"brand": "visa", "last4": "4242"}},
         "latest_charge": {"id": "ch_1Stub", "object": "charge", "balance_transaction": {"id": "txn_1Stub", "object": "balance_transaction", "fee": 335}}
         {{{extra}}}}
        """;

    public void Dispose() => Server.Stop();
}
