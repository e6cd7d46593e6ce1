using FinFlow.Credit.Scoring.Data;

namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// Turns Taiwan card accounts into <see cref="CreditFeatures"/> rows. The protected attributes go only into the
/// dataset's group labels for the disparate-impact report; education is treated the same way (a socio-economic
/// proxy that a small business's books cannot supply), so no row ever carries any of them.
/// </summary>
public static class TaiwanFeatureBuilder
{
    public const string SexGroup = "sex";
    public const string AgeGroup = "age";
    public const string MarriageGroup = "marriage";
    public const string EducationGroup = "education";

    public const double MaximumUtilisation = 1.5;
    public const double MaximumVolatility = 3;

    public static CreditDataset Build(IReadOnlyList<TaiwanClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var groups = new Dictionary<string, string[]>
        {
            [SexGroup] = clients.Select(client => client.Sex == 1 ? "male" : "female").ToArray(),
            [AgeGroup] = clients.Select(client => AgeBands.Of(client.Age)).ToArray(),
            [MarriageGroup] = clients.Select(client => client.Marriage switch { 1 => "married", 2 => "single", _ => "other" }).ToArray(),
            [EducationGroup] = clients.Select(client => client.Education switch
            {
                1 => "graduate school",
                2 => "university",
                3 => "high school",
                _ => "other or unknown",
            }).ToArray(),
        };
        return new CreditDataset(
            CreditFeatures.Specs,
            clients.Select(Row).ToArray(),
            clients.Select(client => client.Defaulted).ToArray(),
            groups);
    }

    public static double[] Row(TaiwanClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var status = client.RepaymentStatus;
        var payments = client.PaymentAmounts;
        var averagePayment = payments.Average();
        return
        [
            client.CreditLimit,
            Math.Max(0, status[0]),
            Math.Max(0, status.Max()),
            status.Count(month => month >= 1),
            averagePayment,
            Math.Clamp(client.BillAmounts.Average() / client.CreditLimit, -0.5, MaximumUtilisation),
            Volatility(payments, averagePayment),
        ];
    }

    // An account with no payments at all has no rhythm to measure; it counts as the most erratic.
    private static double Volatility(double[] payments, double mean)
    {
        if (mean <= 0)
            return MaximumVolatility;
        var variance = payments.Average(payment => (payment - mean) * (payment - mean));
        return Math.Min(MaximumVolatility, Math.Sqrt(variance) / mean);
    }
}
