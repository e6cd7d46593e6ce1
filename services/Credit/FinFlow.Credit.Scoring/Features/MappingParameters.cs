namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// How business figures are put on the Taiwan training scale. Amounts are anchored at medians: a business with
/// the reference income gets the training file's median credit limit, one with the reference cash flow its median
/// monthly payment, and one with the reference cash buffer its median utilisation. The medians are measured on the
/// training data and saved with the model, so the mapping is versioned with what it feeds.
/// </summary>
public sealed record MappingParameters
{
    /// <summary>Annual income (reporting currency) taken as a typical small business.</summary>
    public double ReferenceAnnualIncome { get; init; } = 100_000;

    /// <summary>Median credit limit of the training data (NT$).</summary>
    public required double CapacityAtReferenceIncome { get; init; }

    /// <summary>Monthly net cash flow (reporting currency) taken as typical.</summary>
    public double ReferenceMonthlyCashflow { get; init; } = 5_000;

    /// <summary>Median average monthly payment of the training data (NT$).</summary>
    public required double PaymentAtReferenceCashflow { get; init; }

    /// <summary>
    /// Cash buffer days of a typical small business: 27, the median reported by the JPMorgan Chase Institute
    /// ("Cash is King", 2016).
    /// </summary>
    public double ReferenceCashBufferDays { get; init; } = 27;

    /// <summary>Median utilisation of the training data, the value the reference cash buffer maps to.</summary>
    public required double UtilisationAtReferenceBuffer { get; init; }

    /// <summary>Payment terms: days to pay beyond these count as delay, one month per started 30 days.</summary>
    public double PaymentTermDays { get; init; } = 30;

    /// <summary>The training data's window: delinquencies are spread over this many monthly statements.</summary>
    public int WindowMonths { get; init; } = 6;

    /// <summary>Per feature, the training median used where an optional input is missing and a model needs a value.</summary>
    public required IReadOnlyDictionary<string, double> NeutralValues { get; init; }

    /// <summary>Cash buffer at which no capacity counts as drawn (utilisation 0), from the two anchors.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double FullBufferDays => ReferenceCashBufferDays / (1 - UtilisationAtReferenceBuffer);
}
