using FinFlow.Testing;
using System.Collections.Concurrent;
using FinFlow.LocalInfra;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>
/// A small app answering accounting's <c>GET /accounting/invoices/{id}</c> on a real port, behind its own
/// FinFlow.Sidecar with app id <c>accounting</c>. Like accounting, it scopes invoices by the bearer token's
/// subject, so another user's invoice is a 404. It records what reached it, to prove the token and the
/// sidecar's app token were carried.
/// </summary>
public sealed class AccountingStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, StandInInvoice> _invoices = new();
    private readonly ConcurrentDictionary<Guid, int> _lookups = new();

    private AccountingStandIn(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>While false, every lookup answers 503, as accounting does when its database is down.</summary>
    public bool Available { get; set; } = true;

    public ConcurrentQueue<(string? Authorization, string? AppToken)> Requests { get; } = new();

    public static async Task<AccountingStandIn> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new AccountingStandIn(app, port);
        app.MapGet("/accounting/invoices/{id:guid}", (Guid id, HttpRequest request) => standIn.Answer(id, request));
        await app.StartAsync();
        return standIn;
    }

    public StandInInvoice Add(StandInInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        _invoices[invoice.Id] = invoice;
        return invoice;
    }

    public int LookupsOf(Guid invoiceId) => _lookups.TryGetValue(invoiceId, out var count) ? count : 0;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Answer(Guid id, HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        Requests.Enqueue((authorization, request.Headers["dapr-api-token"].ToString()));
        _lookups.AddOrUpdate(id, 1, (_, count) => count + 1);
        if (!Available) return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Accounting is down.");
        var caller = TestTokenIssuer.SubjectOf(authorization);
        if (caller is null) return Results.Unauthorized();
        if (!_invoices.TryGetValue(id, out var invoice) || invoice.UserId != caller) return Results.Problem(statusCode: 404, title: "The invoice was not found.");
        return Results.Json(new
        {
            id = invoice.Id,
            userId = invoice.UserId,
            client = "Acme Ltd",
            amount = invoice.Amount,
            currency = invoice.Currency,
            dueDate = "2030-01-31",
            status = invoice.Status,
            amountPaid = invoice.AmountPaid,
            createdAt = DateTimeOffset.UtcNow,
            overdue = false,
        });
    }
}
