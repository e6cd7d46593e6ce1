using System.Globalization;

namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// Partial-dependence checks through the business mapping: along every line of the reference grid, raising
/// delinquencies must never lower the probability of default and raising cash flow must never raise it; and every
/// declined profile must come with at least one reason. A model that fails may not ship.
/// </summary>
public static class ExplanationChecks
{
    private const int MaximumExamples = 5;

    public static ExplanationCheckResult Run(CreditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var examples = new List<string>();
        int pairs = 0, delinquencyViolations = 0, cashflowViolations = 0;
        void Compare(IReadOnlyList<BusinessFeatures> line, bool shouldRise, ref int violations)
        {
            var previous = double.NaN;
            foreach (var business in line)
            {
                var pd = model.Score(business).ProbabilityOfDefault;
                if (!double.IsNaN(previous))
                {
                    pairs++;
                    if (shouldRise ? pd < previous : pd > previous)
                    {
                        violations++;
                        if (examples.Count < MaximumExamples)
                            examples.Add(string.Create(CultureInfo.InvariantCulture, $"{business}: PD {previous:F4} -> {pd:F4}"));
                    }
                }

                previous = pd;
            }
        }

        foreach (var profile in ReferenceBusinesses.OptionalProfiles)
            foreach (var income in ReferenceBusinesses.Incomes)
                foreach (var invoices in ReferenceBusinesses.InvoiceCounts)
                {
                    foreach (var cashflow in ReferenceBusinesses.Cashflows)
                    {
                        var line = ReferenceBusinesses.DelinquencySteps(invoices)
                            .Select(delinquencies => ReferenceBusinesses.Make(profile, income, invoices, cashflow, delinquencies)).ToArray();
                        Compare(line, shouldRise: true, ref delinquencyViolations);
                    }

                    foreach (var delinquencies in ReferenceBusinesses.DelinquencySteps(invoices))
                    {
                        var line = ReferenceBusinesses.Cashflows
                            .Select(cashflow => ReferenceBusinesses.Make(profile, income, invoices, cashflow, delinquencies)).ToArray();
                        Compare(line, shouldRise: false, ref cashflowViolations);
                    }
                }

        var declines = ReferenceBusinesses.All().Select(model.Score).Where(result => result.RiskBand == RiskBand.E).ToArray();
        return new ExplanationCheckResult(
            pairs,
            delinquencyViolations,
            cashflowViolations,
            declines.Length,
            declines.Count(result => result.Reasons.Count > 0),
            examples);
    }
}
