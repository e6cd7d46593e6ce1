using FinFlow.Credit.Decisions;
using FinFlow.Credit.Money;
using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Offers;

/// <summary>
/// Prices term loans from an assessment (the formulas are in the service README, step by step, so anyone can check
/// an offer by hand):
/// <list type="number">
/// <item>expected loss rate = round(PD × LGD × EAD share, 4) with the band's LGD and EAD share; APR = funding cost +
/// expected loss rate + band margin; monthly rate r = APR / 12.</item>
/// <item>monthly cash flow relied on = 30-day P10 forecast, or round(avgCashflow × (1 − haircut)) without one;
/// max payment = that ÷ minimum coverage, rounded down to the minor unit (0 when not positive).</item>
/// <item>per term n: cap = max payment × (1 − (1 + r)^−n) / r; amount = min(maximum, ⌊cap / step⌋ × step); the
/// repayment amount × r / (1 − (1 + r)^−n) is rounded up to the minor unit, and if that rounding pushes it over the max
/// payment the amount drops one step; terms whose amount falls below the minimum get no offer.</item>
/// </list>
/// Band E, or no term with an offer, gives an adverse-action notice instead.
/// </summary>
public static class OfferPricing
{
    public const string InsufficientCashFlowCode = "INSUFFICIENT_CASH_FLOW";

    public const string InsufficientCashFlowText =
        "Cash flow expected over the next month does not cover the repayments of the smallest loan with the required margin.";

    public static OffersResponse Price(StoredAssessment assessment, OfferOptions options, int? onlyTerm = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(options);
        var capacity = Capacity(assessment.Capacity, options);
        var offers = assessment.RiskBand == RiskBand.E
            ? []
            : options.TermsMonths.Distinct().Order()
                .Select(term => Offer(assessment, options, capacity, term))
                .OfType<LoanOffer>()
                .ToList();
        var notice = assessment.RiskBand == RiskBand.E
            ? new AdverseActionNotice(AdverseActionNotice.Declined, assessment.Reasons.Take(AdverseActionNotice.MaxReasons).ToList(), AdverseActionNotice.StandardStatement)
            : offers.Count == 0
                ? new AdverseActionNotice(
                    AdverseActionNotice.Declined,
                    [new ScoreReason(InsufficientCashFlowCode, InsufficientCashFlowText, 0), .. assessment.Reasons.Take(AdverseActionNotice.MaxReasons - 1)],
                    AdverseActionNotice.StandardStatement)
                : null;
        return new OffersResponse(
            assessment.Id, assessment.CreatedAt, assessment.ModelVersion, assessment.CreditScore, assessment.ProbabilityOfDefault, assessment.RiskBand,
            assessment.Capacity.Currency, capacity,
            onlyTerm is { } term ? offers.Where(offer => offer.TermMonths == term).ToList() : offers,
            notice);
    }

    public static DebtCapacity Capacity(AssessmentCapacity capacity, OfferOptions options)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(options);
        var currency = capacity.Currency;
        var (basis, cashFlow) = capacity.ForecastP10 is { } p10
            ? (DebtCapacity.ForecastP10, p10)
            : (DebtCapacity.AverageCashFlowAfterHaircut, MinorUnits.Round(capacity.AvgCashflow * (1 - options.NoForecastHaircut), currency));
        var maxPayment = cashFlow > 0 ? MinorUnits.RoundDown(cashFlow / options.MinimumCoverage, currency) : 0m;
        return new DebtCapacity(basis, cashFlow, options.MinimumCoverage, maxPayment);
    }

    private static LoanOffer? Offer(StoredAssessment assessment, OfferOptions options, DebtCapacity capacity, int term)
    {
        var currency = assessment.Capacity.Currency;
        var band = options.Bands[assessment.RiskBand.ToString()];
        var pd = decimal.Round((decimal)assessment.ProbabilityOfDefault, 6, MidpointRounding.ToEven);
        var lossRate = decimal.Round(pd * band.LossGivenDefault * band.ExposureAtDefault, 4, MidpointRounding.ToEven);
        var apr = options.FundingCostRate + lossRate + band.Margin;
        var monthlyRate = apr / 12;
        var factor = AnnuityFactor(monthlyRate, term);
        var cap = capacity.MaxMonthlyPayment * factor;
        var amount = Math.Min(options.MaximumAmount, decimal.Floor(cap / options.AmountStep) * options.AmountStep);
        var payment = Payment(amount, factor, currency);
        while (amount >= options.MinimumAmount && payment > capacity.MaxMonthlyPayment)
        {
            amount -= options.AmountStep;
            payment = Payment(amount, factor, currency);
        }

        if (amount < options.MinimumAmount || payment <= 0) return null;
        return new LoanOffer(
            term, amount, apr, payment,
            decimal.Round(capacity.MonthlyCashFlow / payment, 4, MidpointRounding.ToEven),
            MinorUnits.Round(pd * band.LossGivenDefault * band.ExposureAtDefault * amount, currency),
            lossRate, band.LossGivenDefault, band.ExposureAtDefault, options.FundingCostRate, band.Margin);
    }

    /// <summary>The present value of 1 a month for <paramref name="months"/> months at <paramref name="monthlyRate"/>: (1 − (1 + r)^−n) / r.</summary>
    public static decimal AnnuityFactor(decimal monthlyRate, int months)
    {
        if (monthlyRate == 0) return months;
        var growth = 1m;
        for (var month = 0; month < months; month++) growth *= 1 + monthlyRate;
        return (1 - (1 / growth)) / monthlyRate;
    }

    private static decimal Payment(decimal amount, decimal factor, string? currency) =>
        amount <= 0 ? 0m : MinorUnits.RoundUp(amount / factor, currency);
}
