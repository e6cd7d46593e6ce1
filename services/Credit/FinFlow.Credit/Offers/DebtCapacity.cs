namespace FinFlow.Credit.Offers;

/// <summary>
/// What the business can repay per month: the monthly cash flow relied on (the 30-day P10 forecast, or without one
/// the average monthly cash flow after the haircut), divided by the minimum coverage and rounded down to the minor unit.
/// </summary>
public sealed record DebtCapacity(string Basis, decimal MonthlyCashFlow, decimal MinimumCoverage, decimal MaxMonthlyPayment)
{
    public const string ForecastP10 = "FORECAST_P10";
    public const string AverageCashFlowAfterHaircut = "AVERAGE_CASH_FLOW_AFTER_HAIRCUT";
}
