namespace FinFlow.Credit.Tests;

/// <summary>
/// The offer formula exactly as the service README documents it, with the parameters <c>CreditPlatform</c> configures,
/// written out here so the tests check the service against the documentation rather than against itself.
/// </summary>
public static class OfferFormula
{
    public const decimal FundingCost = 0.06m;
    public const decimal MinimumCoverage = 1.25m;
    public const decimal Haircut = 0.4m;
    public const decimal Step = 100m;
    public const decimal MinimumAmount = 500m;
    public const decimal MaximumAmount = 200_000m;

    public static readonly IReadOnlyDictionary<string, (decimal Lgd, decimal Ead, decimal Margin)> Bands = new Dictionary<string, (decimal, decimal, decimal)>
    {
        ["A"] = (0.4m, 1m, 0.02m),
        ["B"] = (0.45m, 1m, 0.03m),
        ["C"] = (0.5m, 0.9m, 0.05m),
        ["D"] = (0.6m, 0.8m, 0.08m),
    };

    /// <summary>Step 2: what may be repaid per month, in cents, rounded down.</summary>
    public static decimal MaxPayment(decimal monthlyCashFlow) =>
        monthlyCashFlow > 0 ? decimal.Floor(monthlyCashFlow / MinimumCoverage * 100) / 100 : 0m;

    /// <summary>Step 1: the APR for a PD in a band.</summary>
    public static decimal Apr(double probabilityOfDefault, string band)
    {
        var (lgd, ead, margin) = Bands[band];
        var pd = decimal.Round((decimal)probabilityOfDefault, 6, MidpointRounding.ToEven);
        return FundingCost + decimal.Round(pd * lgd * ead, 4, MidpointRounding.ToEven) + margin;
    }

    /// <summary>Step 3: the offered amount and repayment for a term, or null when below the minimum.</summary>
    public static (decimal Amount, decimal Payment)? Offer(decimal apr, decimal maxPayment, int months)
    {
        var rate = apr / 12;
        var growth = 1m;
        for (var i = 0; i < months; i++) growth *= 1 + rate;
        var factor = (1 - (1 / growth)) / rate;
        var amount = Math.Min(MaximumAmount, decimal.Floor(maxPayment * factor / Step) * Step);
        decimal Payment(decimal principal) => decimal.Ceiling(principal / factor * 100) / 100;
        while (amount >= MinimumAmount && Payment(amount) > maxPayment) amount -= Step;
        return amount >= MinimumAmount ? (amount, Payment(amount)) : null;
    }
}
