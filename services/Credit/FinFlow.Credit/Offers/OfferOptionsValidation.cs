using FinFlow.Credit.Scoring;
using Microsoft.Extensions.Options;

namespace FinFlow.Credit.Offers;

/// <summary>Refuses to start with pricing that cannot be right, rather than quoting wrong offers later.</summary>
public sealed class OfferOptionsValidation : IValidateOptions<OfferOptions>
{
    public ValidateOptionsResult Validate(string? name, OfferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.FundingCostRate is <= 0 or >= 1) failures.Add("FundingCostRate must be above 0 and below 1.");
        if (options.MinimumCoverage < 1) failures.Add("MinimumCoverage must be at least 1.");
        if (options.NoForecastHaircut is < 0 or >= 1) failures.Add("NoForecastHaircut must be at least 0 and below 1.");
        if (options.TermsMonths.Count == 0 || options.TermsMonths.Any(term => term is < 1 or > 120)) failures.Add("TermsMonths must list terms of 1 to 120 months.");
        if (options.AmountStep <= 0) failures.Add("AmountStep must be positive.");
        if (options.MinimumAmount <= 0 || options.MaximumAmount < options.MinimumAmount) failures.Add("Need 0 < MinimumAmount <= MaximumAmount.");
        foreach (var band in new[] { RiskBand.A, RiskBand.B, RiskBand.C, RiskBand.D })
        {
            if (!options.Bands.TryGetValue(band.ToString(), out var pricing)) failures.Add($"Bands:{band} is missing.");
            else if (pricing.LossGivenDefault is < 0 or > 1 || pricing.ExposureAtDefault is < 0 or > 1 || pricing.Margin < 0)
                failures.Add($"Bands:{band} needs LossGivenDefault and ExposureAtDefault between 0 and 1 and a Margin of at least 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => $"{OfferOptions.SectionName}: {f}"));
    }
}
