namespace FinFlow.Credit.Offers;

/// <summary>
/// One term loan: the largest affordable amount for the term, its APR (funding cost + expected loss rate + margin,
/// nominal, monthly compounding), the level monthly repayment, the coverage that repayment leaves, and the expected
/// loss that priced it.
/// </summary>
public sealed record LoanOffer(
    int TermMonths,
    decimal Amount,
    decimal Apr,
    decimal MonthlyPayment,
    decimal DebtServiceCoverage,
    decimal ExpectedLoss,
    decimal ExpectedLossRate,
    decimal LossGivenDefault,
    decimal ExposureAtDefault,
    decimal FundingCost,
    decimal Margin);
