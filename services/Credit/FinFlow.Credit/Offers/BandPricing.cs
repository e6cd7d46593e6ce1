namespace FinFlow.Credit.Offers;

/// <summary>The risk parameters of one band: expected loss = PD × <see cref="LossGivenDefault"/> × EAD, EAD = principal × <see cref="ExposureAtDefault"/>.</summary>
public sealed class BandPricing
{
    /// <summary>Share of the exposure lost when the business defaults (after recoveries).</summary>
    public decimal LossGivenDefault { get; set; }

    /// <summary>Share of the principal still owed at default; 1 assumes the default comes before any repayment.</summary>
    public decimal ExposureAtDefault { get; set; } = 1m;

    /// <summary>The lender's annual margin over funding cost and expected loss.</summary>
    public decimal Margin { get; set; }
}
