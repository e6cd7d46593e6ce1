using FinFlow.Credit.Scoring.Data;

namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// The credit model's input columns, in row order. Each is computed from six months of a Taiwan card account
/// for training and mapped from a small business's figures for scoring (see <see cref="BusinessFeatureMapper"/>).
/// Sex, age, marital status and education are deliberately absent: they are never model inputs.
/// </summary>
public static class CreditFeatures
{
    /// <summary>Credit limit (NT$): the lender's view of repayment capacity.</summary>
    public const string CreditCapacity = "creditCapacity";

    /// <summary>Months of delay in the latest month (0 = on time).</summary>
    public const string RecentDelayMonths = "recentDelayMonths";

    /// <summary>Longest delay in months over the six months.</summary>
    public const string MaxDelayMonths = "maxDelayMonths";

    /// <summary>How many of the six months had a payment delay.</summary>
    public const string MonthsDelinquent = "monthsDelinquent";

    /// <summary>Average monthly payment (NT$).</summary>
    public const string AveragePayment = "averagePayment";

    /// <summary>Average bill over credit limit: how much of the capacity is drawn.</summary>
    public const string Utilisation = "utilisation";

    /// <summary>Coefficient of variation of the monthly payments.</summary>
    public const string PaymentVolatility = "paymentVolatility";

    public static IReadOnlyList<FeatureSpec> Specs { get; } =
    [
        FeatureSpec.Numeric(CreditCapacity, RiskDirection.DecreasesRisk),
        FeatureSpec.Numeric(RecentDelayMonths, RiskDirection.IncreasesRisk),
        FeatureSpec.Numeric(MaxDelayMonths, RiskDirection.IncreasesRisk),
        FeatureSpec.Numeric(MonthsDelinquent, RiskDirection.IncreasesRisk),
        FeatureSpec.Numeric(AveragePayment, RiskDirection.DecreasesRisk),
        FeatureSpec.Numeric(Utilisation, RiskDirection.IncreasesRisk),
        FeatureSpec.Numeric(PaymentVolatility, RiskDirection.IncreasesRisk),
    ];

    public static IReadOnlyList<string> Names { get; } = Specs.Select(spec => spec.Name).ToArray();

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (Names[i] == name)
                return i;
        throw new ArgumentException($"Unknown credit feature '{name}'.", nameof(name));
    }
}
