namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>
/// One user's books as the stand-in serves them: invoices newest first, twelve months of cash flow oldest first
/// (the last is the month of the request's <c>to</c>), the Cash balance, and the 30 daily P10s analytics would forecast.
/// </summary>
public sealed record StandInBooks
{
    public string? Currency { get; init; } = "USD";

    public IReadOnlyList<StandInInvoice> Invoices { get; init; } = [];

    public IReadOnlyList<decimal> MonthlyInflow { get; init; } = new decimal[12];

    public IReadOnlyList<decimal> MonthlyOutflow { get; init; } = new decimal[12];

    public decimal CashBalance { get; init; }

    /// <summary>Null: analytics answers 503, as when it cannot forecast.</summary>
    public IReadOnlyList<decimal>? ForecastLo80 { get; init; }

    /// <summary>Every accounting route answers 503, as accounting does when its database is down.</summary>
    public bool AccountingDown { get; init; }

    /// <summary>The reports answer 400 naming <c>currency</c> unless one is chosen, as for books kept in two currencies.</summary>
    public bool SeveralCurrencies { get; init; }
}
