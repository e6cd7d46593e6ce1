namespace FinFlow.Credit.Offers;

/// <summary>
/// Configuration section <c>Credit:Offers</c>: the pricing and affordability parameters (defaults in appsettings.json,
/// every one documented in the service README). Rates are annual fractions (0.05 = 5%); amounts are in major units of
/// the books' currency.
/// </summary>
public sealed class OfferOptions
{
    public const string SectionName = "Credit:Offers";

    /// <summary>What the lender's money costs per year.</summary>
    public decimal FundingCostRate { get; set; }

    /// <summary>Cash flow available for debt service divided by the monthly repayment must stay at or above this.</summary>
    public decimal MinimumCoverage { get; set; }

    /// <summary>Without a forecast, the share of average monthly cash flow not relied on (0.30 keeps 70%).</summary>
    public decimal NoForecastHaircut { get; set; }

    /// <summary>The loan terms offered, in months; one offer per term that clears the minimum amount.</summary>
    public IList<int> TermsMonths { get; } = new List<int>();

    /// <summary>Offered amounts are whole multiples of this.</summary>
    public decimal AmountStep { get; set; }

    /// <summary>Smaller affordable amounts are not offered.</summary>
    public decimal MinimumAmount { get; set; }

    public decimal MaximumAmount { get; set; }

    /// <summary>Loss given default, exposure at default (share of the principal) and margin per band A–D; E is never offered credit.</summary>
    public IDictionary<string, BandPricing> Bands { get; } = new Dictionary<string, BandPricing>(StringComparer.OrdinalIgnoreCase);
}
