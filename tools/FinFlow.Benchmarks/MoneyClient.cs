using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FinFlow.Benchmarks;

/// <summary>
/// The public REST API the money loop uses, through the gateway only, as a client of the platform would call it.
/// Every call reads the whole answer and fails with the service's problem details on an unexpected status.
/// </summary>
public sealed class MoneyClient(string gatewayUrl, int connections) : IDisposable
{
    /// <summary>Passes auth's strength rule (12+ characters, not common, no email local part); not a secret.</summary>
    private const string Password = "bench-Correct-Horse-Battery-42";

    public const string Currency = "USD";

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = connections })
    {
        BaseAddress = new Uri(gatewayUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Registers a new account and signs it in; returns its access token.</summary>
    public async Task<string> SignUpAsync(string email, CancellationToken ct)
    {
        using var registered = await _http.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, ct);
        await ReadAsync(registered, HttpStatusCode.Created, "register", ct);
        using var login = await _http.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, ct);
        return (await ReadAsync(login, HttpStatusCode.OK, "login", ct)).GetProperty("accessToken").GetString()!;
    }

    public async Task<Guid> CreateInvoiceAsync(string token, decimal amount, CancellationToken ct)
    {
        var dueDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var request = Request(HttpMethod.Post, "/api/accounting/invoices", token);
        request.Content = JsonContent.Create(new { client = "Bench Customer Ltd", amount, currency = Currency, dueDate });
        using var response = await _http.SendAsync(request, ct);
        return (await ReadAsync(response, HttpStatusCode.Created, "create invoice", ct)).GetProperty("id").GetGuid();
    }

    /// <summary>Charges the invoice with a fresh idempotency key; returns the payment's status (the simulated processor answers PENDING).</summary>
    public async Task<string> ChargeAsync(string token, Guid invoiceId, decimal amount, string source, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/api/payments/charge", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Content = JsonContent.Create(new { invoiceId, amount, currency = Currency, source });
        using var response = await _http.SendAsync(request, ct);
        return (await ReadAsync(response, HttpStatusCode.Created, "charge", ct)).GetProperty("status").GetString()!;
    }

    public async Task<string> InvoiceStatusAsync(string token, Guid invoiceId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"/api/accounting/invoices/{invoiceId}", token);
        using var response = await _http.SendAsync(request, ct);
        return (await ReadAsync(response, HttpStatusCode.OK, "get invoice", ct)).GetProperty("status").GetString()!;
    }

    /// <summary>The user's trial balance (one currency, so no <c>?currency=</c> needed).</summary>
    public async Task<JsonElement> TrialBalanceAsync(string token, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "/api/accounting/trial-balance", token);
        using var response = await _http.SendAsync(request, ct);
        return await ReadAsync(response, HttpStatusCode.OK, "trial balance", ct);
    }

    /// <summary>Posts a JSON body to a signed-in route and returns the answer (any route; the credit suite scores with it).</summary>
    public async Task<JsonElement> PostAsync(string token, string path, object body, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, path, token);
        request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request, ct);
        return await ReadAsync(response, HttpStatusCode.OK, path, ct);
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
