using System.Collections.Concurrent;
using System.Globalization;
using FinFlow.LocalInfra;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>
/// One small app on a real port answering the accounting routes the assessment reads and analytics' forecast; it sits
/// behind two FinFlow.Sidecar processes (app ids accounting and analytics). Like the real services it scopes
/// everything by the bearer token's subject, and it records every request to prove the token was forwarded.
/// </summary>
public sealed class BooksStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, StandInBooks> _books = new();

    private BooksStandIn(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentQueue<StandInRequest> Requests { get; } = new();

    public static async Task<BooksStandIn> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new BooksStandIn(app, port);
        app.Use(async (context, next) =>
        {
            var body = "";
            if (HttpMethods.IsPost(context.Request.Method))
            {
                context.Request.EnableBuffering();
                body = await new StreamReader(context.Request.Body, leaveOpen: true).ReadToEndAsync();
                context.Request.Body.Position = 0;
            }

            standIn.Record(context.Request, body);
            await next();
        });
        app.MapGet("/accounting/invoices", (HttpRequest request) => standIn.With(request, books => InvoicePage(books, request)));
        app.MapGet("/accounting/invoices/{id:guid}", (Guid id, HttpRequest request) => standIn.With(request, books => Invoice(books, id)));
        app.MapGet("/accounting/reports/cash-flow", (HttpRequest request) => standIn.With(request, books => CashFlow(books, request)));
        app.MapGet("/accounting/trial-balance", (HttpRequest request) => standIn.With(request, books => TrialBalance(books, request)));
        app.MapPost("/analytics/forecast", (HttpRequest request) => standIn.Forecast(request));
        await app.StartAsync();
        return standIn;
    }

    public void Set(Guid userId, StandInBooks books) => _books[userId] = books;

    public IReadOnlyList<StandInRequest> RequestsOf(Guid userId) => Requests.Where(r => r.UserId == userId).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static Guid? SubjectOf(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        try
        {
            return Guid.TryParse(new JsonWebToken(authorization["Bearer ".Length..]).Subject, out var id) ? id : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private void Record(HttpRequest request, string body)
    {
        var authorization = request.Headers.Authorization.ToString();
        Requests.Enqueue(new StandInRequest(
            SubjectOf(authorization), request.Method, request.Path + request.QueryString, authorization,
            request.Headers["dapr-api-token"].ToString(), request.Headers["dapr-caller-app-id"].ToString(), body));
    }

    private IResult With(HttpRequest request, Func<StandInBooks, IResult> answer)
    {
        if (SubjectOf(request.Headers.Authorization.ToString()) is not { } user) return Results.Unauthorized();
        var books = _books.GetValueOrDefault(user) ?? new StandInBooks { Currency = null };
        return books.AccountingDown ? Results.Problem(statusCode: 503, title: "Accounting is down.") : answer(books);
    }

    private static IResult InvoicePage(StandInBooks books, HttpRequest request)
    {
        var page = int.Parse(request.Query["page"].ToString(), CultureInfo.InvariantCulture);
        var size = int.Parse(request.Query["pageSize"].ToString(), CultureInfo.InvariantCulture);
        var items = books.Invoices.Skip((page - 1) * size).Take(size).Select(i => View(i, withPayments: false)).ToList();
        return Results.Json(new { items, page, pageSize = size, total = (long)books.Invoices.Count });
    }

    private static IResult Invoice(StandInBooks books, Guid id) =>
        books.Invoices.FirstOrDefault(i => i.Id == id) is { } invoice
            ? Results.Json(View(invoice, withPayments: true))
            : Results.Problem(statusCode: 404, title: "The invoice was not found.");

    private static Dictionary<string, object?> View(StandInInvoice invoice, bool withPayments)
    {
        var view = new Dictionary<string, object?>
        {
            ["id"] = invoice.Id, ["userId"] = Guid.Empty, ["client"] = "Acme Ltd", ["amount"] = invoice.Amount, ["currency"] = "USD",
            ["dueDate"] = invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["status"] = invoice.Status,
            ["amountPaid"] = invoice.AmountPaid, ["createdAt"] = invoice.CreatedAt, ["overdue"] = invoice.Overdue,
        };
        if (withPayments)
        {
            view["payments"] = invoice.Payments.Select(p => new
            {
                paymentId = Guid.NewGuid(), amount = p.Applied, applied = p.Applied, credit = 0m, fee = 0m, refunded = 0m,
                processorReference = "pi_test", completedAt = p.CompletedAt,
            }).ToList();
        }

        return view;
    }

    private static IResult CashFlow(StandInBooks books, HttpRequest request)
    {
        if (books.SeveralCurrencies && string.IsNullOrEmpty(request.Query["currency"])) return CurrencyProblem();
        var from = DateOnly.ParseExact(request.Query["from"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(request.Query["to"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1)) months.Add(month);
        // The books' months are aligned on the newest: the last one is the month of `to`.
        var offset = books.MonthlyInflow.Count - months.Count;
        var points = months.Select((period, i) =>
        {
            var inflow = i + offset >= 0 ? books.MonthlyInflow[i + offset] : 0m;
            var outflow = i + offset >= 0 ? books.MonthlyOutflow[i + offset] : 0m;
            return new { period = period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), inflow, outflow, net = inflow - outflow };
        }).ToList();
        return Results.Json(new { currency = request.Query["currency"].FirstOrDefault() ?? books.Currency, granularity = "month", from, to, points });
    }

    private static IResult TrialBalance(StandInBooks books, HttpRequest request)
    {
        if (books.SeveralCurrencies && string.IsNullOrEmpty(request.Query["currency"])) return CurrencyProblem();
        object[] accounts = books.Currency is null ? [] :
        [
            new { code = "1000", name = "Cash", type = "asset", debit = Math.Max(books.CashBalance, 0), credit = Math.Max(-books.CashBalance, 0) },
            new { code = "1100", name = "Accounts Receivable", type = "asset", debit = 5000m, credit = 0m },
        ];
        return Results.Json(new { asOf = "2030-01-01", currency = books.Currency, accounts, totalDebit = 0m, totalCredit = 0m });
    }

    private static IResult CurrencyProblem() => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["currency"] = ["The books are kept in EUR, USD; choose one with ?currency=."] });

    private IResult Forecast(HttpRequest request)
    {
        if (SubjectOf(request.Headers.Authorization.ToString()) is not { } user) return Results.Unauthorized();
        if (_books.GetValueOrDefault(user)?.ForecastLo80 is not { } lows) return Results.Problem(statusCode: 503, title: "Accounting could not be asked for your cash flow.");
        var start = DateOnly.FromDateTime(DateTime.UtcNow);
        var forecast = lows.Select((low, i) => new
        {
            ds = start.AddDays(i + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            yhat = low + 50m, lo80 = low, hi80 = low + 100m, lo95 = low - 30m, hi95 = low + 130m,
        }).ToList();
        return Results.Json(new { forecast, model = "ensemble", backtest = new { smape = 12.5, mase = 0.8 } });
    }
}
