namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>Books the tests assess, built around today so due dates and overdue flags read as accounting would set them.</summary>
public static class BookScenarios
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Noon UTC, <paramref name="days"/> from today.</summary>
    public static DateTimeOffset At(int days) => new(Today.AddDays(days).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public static DateOnly Day(int days) => Today.AddDays(days);

    public static StandInPayment Pay(decimal applied, int days) => new(applied, At(days));

    /// <summary>
    /// A steady business: 8 live invoices (one void), 3 delinquent (paid late twice counted once each, overdue once),
    /// five settled after 25, 40, 35, 20 and 29 days; ten months of growing cash flow; 25,000 in cash; a positive forecast.
    /// </summary>
    public static StandInBooks Healthy(IReadOnlyList<decimal>? forecastLo80 = null) => new()
    {
        Invoices =
        [
            StandInInvoice.Pending(At(-10), Day(20)),
            StandInInvoice.Paid(At(-40), Day(-10), Pay(1000m, -15)),
            StandInInvoice.Paid(At(-70), Day(-40), Pay(1000m, -30)),
            StandInInvoice.Pending(At(-35), Day(-5), overdue: true),
            StandInInvoice.Void(At(-80), Day(-50)),
            StandInInvoice.Paid(At(-100), Day(-70), Pay(300m, -90), Pay(700m, -65)),
            StandInInvoice.Paid(At(-130), Day(-100), Pay(1000m, -110)),
            new(Guid.NewGuid(), 1000m, Day(5), "PARTIALLY_PAID", 400m, At(-25), false, []),
            // The later zero-applied payment (an over-payment kept as credit) does not move the settlement date.
            StandInInvoice.Paid(At(-160), Day(-130), Pay(1000m, -131), Pay(0m, -100)),
        ],
        MonthlyInflow = [0m, 0m, 8000m, 9000m, 8500m, 9500m, 10000m, 9800m, 10200m, 11000m, 12000m, 4000m],
        MonthlyOutflow = [0m, 0m, 6000m, 6500m, 6200m, 7000m, 7100m, 7000m, 7300m, 7600m, 8000m, 2500m],
        CashBalance = 25_000m,
        ForecastLo80 = forecastLo80 ?? Enumerable.Range(0, 30).Select(i => 80m + i).ToList(),
    };

    /// <summary>A business in trouble: 12 of 20 invoices delinquent, invoices paid after about 97 days, erratic thin cash flow, almost no cash.</summary>
    public static StandInBooks Distressed()
    {
        var invoices = new List<StandInInvoice>();
        for (var i = 0; i < 8; i++) invoices.Add(StandInInvoice.Pending(At(-60 - i), Day(-30 - i), overdue: true));
        for (var i = 0; i < 4; i++) invoices.Add(StandInInvoice.Paid(At(-200 - i), Day(-170 - i), Pay(800m, -100 - i)));
        for (var i = 0; i < 8; i++) invoices.Add(StandInInvoice.Paid(At(-150 - i), Day(-30 - i), Pay(900m, -55 - i)));
        return new StandInBooks
        {
            Invoices = invoices,
            MonthlyInflow = [1500m, 300m, 2500m, 200m, 1800m, 400m, 2600m, 100m, 1500m, 300m, 2000m, 500m],
            MonthlyOutflow = [1400m, 600m, 1800m, 700m, 1500m, 600m, 2200m, 500m, 1300m, 600m, 1700m, 300m],
            CashBalance = 50m,
            ForecastLo80 = Enumerable.Repeat(5m, 30).ToList(),
        };
    }
}
