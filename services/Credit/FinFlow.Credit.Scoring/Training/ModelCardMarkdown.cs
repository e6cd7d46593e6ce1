using System.Globalization;
using System.Text;
using FinFlow.Credit.Scoring.Features;

namespace FinFlow.Credit.Scoring.Training;

/// <summary>Renders a <see cref="ModelCard"/> as model-card.md for people; model-card.json carries the same facts.</summary>
public static class ModelCardMarkdown
{
    public static string Render(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# Credit model card: {card.ModelVersion}");
        Line($"");
        Line($"- Training file: `{card.TrainingFile}` (SHA-256 `{card.DataSha256}`), seed {card.Seed}");
        Line($"- Development rows {card.DevelopmentRows}, stratified hold-out rows {card.HoldOutRows} (one fold in five)");
        Line($"- **Shipped: {card.Shipped}.** {card.ShipReason}");
        Line($"- Scale: {card.Scale.BasePoints} points at {card.Scale.BaseOdds}:1 good:bad odds, {card.Scale.PointsToDoubleOdds} points to double the odds, shown scores clamped to {card.Scale.Minimum}-{card.Scale.Maximum}");
        Line($"- Risk bands by probability of default: A < {card.Bands.UpperDefaultProbabilities[0]:P0} <= B < {card.Bands.UpperDefaultProbabilities[1]:P0} <= C < {card.Bands.UpperDefaultProbabilities[2]:P0} <= D < {card.Bands.UpperDefaultProbabilities[3]:P0} <= E (decline); score cuts {string.Join(" / ", card.BandScoreCuts)}");
        Line($"");
        Line($"## Hold-out results");
        Line($"| model | AUC | Gini | KS | Brier | error rate @0.5 | monotonicity violations (delinquency / cash flow, of pairs) | declines with reasons |");
        Line($"|---|---|---|---|---|---|---|---|");
        foreach (var evaluation in new[] { card.Scorecard, card.Challenger })
        {
            var (m, c) = (evaluation.HoldOut, evaluation.Checks);
            Line($"| {evaluation.Model} | {m.Auc:F4} | {m.Gini:F4} | {m.Ks:F4} | {m.Brier:F4} | {m.ErrorRate:F4} | {c.DelinquencyViolations} / {c.CashflowViolations} of {c.MonotonicityPairs} | {c.DeclinesWithReasons} of {c.Declines} |");
        }

        Line($"");
        Line($"## Calibration by band (shipped model, hold-out)");
        Line($"| band | rows | mean predicted PD | observed default rate | error (points) |");
        Line($"|---|---|---|---|---|");
        foreach (var row in card.Calibration)
            Line($"| {row.Band} | {row.Count} | {row.MeanPredicted:P2} | {row.Observed:P2} | {row.ErrorPoints:F2} |");

        Line($"");
        Line($"## Points table (scorecard)");
        Line($"Points are the additive scorecard (raw log-odds split per feature, intercept shared equally). The shown score and the probability of default pass the raw log-odds through the calibration map (isotonic regression on cross-fitted out-of-fold log-odds, strictly increasing, so every ordering is kept). A reason's impact is the shown-score gain if that feature alone were in its best bin. A column whose optional input is missing gets WoE 0, the average applicant's points.");
        foreach (var entry in card.PointsTable)
        {
            var wording = ReasonCatalog.For(entry.Feature);
            Line($"");
            Line($"**{entry.Feature}** (weight {entry.Weight:F4}, information value {entry.InformationValue:F3}; reason `{wording.Code}`: \"{wording.Text}\")");
            Line($"");
            Line($"| range | rows | default rate | WoE | points |");
            Line($"|---|---|---|---|---|");
            foreach (var bin in entry.Bins)
                Line($"| {bin.Range} | {bin.Count} | {bin.DefaultRate:P1} | {bin.Woe:F3} | {bin.Points:F1} |");
        }

        Line($"");
        Line($"## Business mapping (score request → model columns)");
        var map = card.Mapping;
        Line($"| model column | from | rule |");
        Line($"|---|---|---|");
        Line($"| creditCapacity | income | income x {map.CapacityAtReferenceIncome:G6} / {map.ReferenceAnnualIncome:G6} (reference income maps to the training median limit) |");
        Line($"| monthsDelinquent | delinquencies, numInvoices, daysToPay | round({map.WindowMonths} x delinquencies / numInvoices), at least 1 when the latest month is late |");
        Line($"| recentDelayMonths | daysToPay (optional), delinquencies | ceil(max(0, daysToPay - {map.PaymentTermDays:G4}) / 30), capped at 8; without daysToPay: 0 when no month is delinquent, otherwise unknown (WoE 0) |");
        Line($"| maxDelayMonths | delinquencies, daysToPay | max(recent delay, 1 if any delinquent month) |");
        Line($"| averagePayment | avgCashflow | max(0, avgCashflow) x {map.PaymentAtReferenceCashflow:G6} / {map.ReferenceMonthlyCashflow:G6} |");
        Line($"| utilisation | daysCashOnHand (optional) | clamp(1 - days / {map.FullBufferDays:F1}, 0, 1); {map.ReferenceCashBufferDays:G4} days (median small-business cash buffer) maps to the training median {map.UtilisationAtReferenceBuffer:F3} |");
        Line($"| paymentVolatility | cashflowVolatility (optional) | same coefficient of variation, capped at 3 |");
        Line($"");
        Line($"monthsInBusiness and revenueTrend are validated and kept for audit but not mapped: the training data has no tenure without age (protected) and a growing card bill is growing debt, not growing sales.");
        Line($"");
        Line($"## Excluded from the model inputs");
        foreach (var attribute in card.ExcludedAttributes)
            Line($"- {attribute}");
        Line($"");
        Line($"## Disparate impact (shipped model, hold-out, approval = band A-D)");
        Line($"| attribute | group | rows | approval rate | ratio to most-approved group | four-fifths rule |");
        Line($"|---|---|---|---|---|---|");
        foreach (var group in card.DisparateImpact)
            Line($"| {group.Attribute} | {group.Group} | {group.Count} | {group.ApprovalRate:P1} | {group.RatioToBest:F3} | {(group.PassesFourFifths ? "pass" : "FAIL")} |");
        return text.ToString();
    }
}
