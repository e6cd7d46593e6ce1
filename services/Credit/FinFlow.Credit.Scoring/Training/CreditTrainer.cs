using System.Globalization;
using System.Security.Cryptography;
using FinFlow.Credit.Scoring.Challengers;
using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Models;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Training;

/// <summary>
/// The credit training run: hold out a stratified fifth of the Taiwan file, fit the scorecard and the challenger on
/// the rest, compare them on the hold-out, run the explanation checks through the business mapping, and ship the
/// challenger only if it gains at least <see cref="RequiredAucGain"/> AUC and passes the checks.
/// </summary>
public static class CreditTrainer
{
    public const double RequiredAucGain = 0.02;

    public static IReadOnlyList<string> ExcludedAttributes { get; } =
    [
        "SEX (protected: disparate-impact report only)",
        "AGE (protected: disparate-impact report only)",
        "MARRIAGE (protected: disparate-impact report only)",
        "EDUCATION (socio-economic proxy a business's books cannot supply: disparate-impact report only)",
        "PAY_x / BILL_AMTx / PAY_AMTx month by month (used only through the aggregated columns the business mapping can fill)",
    ];

    public static CreditTrainingResult Train(CreditTrainingOptions options, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = TaiwanFeatureBuilder.Build(TaiwanCreditFile.Load(options.TaiwanCsvPath));
        var (developmentRows, holdOutRows) = StratifiedFolds.Split(StratifiedFolds.Assign(data.Defaulted, CreditTrainingOptions.HoldOutFolds, options.Seed), 0);
        var development = data.Subset(developmentRows);
        var holdOut = data.Subset(holdOutRows);

        var scorecard = ScorecardTrainer.Train(development, ScorecardTrainingOptions.WithSeed(options.Seed));
        var challenger = ChallengerModel.Train(development, ChallengerOptions.WithSeed(options.Seed));
        var manifest = new ModelManifest
        {
            ModelVersion = modelVersion,
            Shipped = scorecard.Kind,
            Features = CreditFeatures.Names,
            Scale = ScoreScale.Standard,
            Bands = RiskBandTable.Standard,
            Mapping = MappingFromTrainingData(development),
            DataSha256 = Sha256(options.TaiwanCsvPath),
            Seed = options.Seed,
            ChallengerContributionScale = challenger.ContributionScale,
        };

        var scorecardEvaluation = Evaluate(scorecard, manifest, holdOut);
        var challengerEvaluation = Evaluate(challenger, manifest with { Shipped = challenger.Kind }, holdOut);
        var gain = challengerEvaluation.HoldOut.Auc - scorecardEvaluation.HoldOut.Auc;
        var shipChallenger = gain >= RequiredAucGain && challengerEvaluation.Checks.Passed;
        manifest = manifest with { Shipped = shipChallenger ? challenger.Kind : scorecard.Kind };

        ICreditScorer shipped = shipChallenger ? challenger : scorecard;
        var probabilities = holdOut.Rows.Select(row => ScoreScale.Sigmoid(shipped.DefaultLogit(row))).ToArray();
        var card = new ModelCard
        {
            ModelVersion = modelVersion,
            TrainingFile = Path.GetFileName(options.TaiwanCsvPath),
            DataSha256 = manifest.DataSha256,
            Seed = options.Seed,
            DevelopmentRows = development.Count,
            HoldOutRows = holdOut.Count,
            Shipped = manifest.Shipped,
            ShipReason = ShipReason(gain, challengerEvaluation.Checks, shipChallenger),
            Scorecard = scorecardEvaluation,
            Challenger = challengerEvaluation,
            Calibration = CalibrationTable.Compute(probabilities, holdOut.Defaulted, manifest.Bands),
            DisparateImpact = Evaluation.DisparateImpact.Compute(
                probabilities.Select(pd => manifest.Bands.Band(pd) != RiskBand.E).ToArray(), holdOut.ProtectedGroups),
            PointsTable = PointsTable(scorecard),
            Mapping = manifest.Mapping,
            Bands = manifest.Bands,
            BandScoreCuts = manifest.Bands.ScoreCuts(manifest.Scale).Select(cut => Math.Round(cut, 1)).ToArray(),
            Scale = manifest.Scale,
            ExcludedAttributes = ExcludedAttributes,
        };
        return new CreditTrainingResult(manifest, scorecard, challenger, card);
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static ModelEvaluation Evaluate(ICreditScorer scorer, ModelManifest manifest, CreditDataset holdOut)
    {
        var probabilities = holdOut.Rows.Select(row => ScoreScale.Sigmoid(scorer.DefaultLogit(row))).ToArray();
        return new ModelEvaluation(
            scorer.Kind,
            BinaryMetrics.Compute(probabilities, holdOut.Defaulted),
            ExplanationChecks.Run(new CreditModel(manifest, scorer)));
    }

    private static string ShipReason(double gain, ExplanationCheckResult challengerChecks, bool shipChallenger)
    {
        var gainText = string.Create(CultureInfo.InvariantCulture, $"challenger AUC gain on the hold-out {gain:+0.0000;-0.0000} (required +{RequiredAucGain:0.00})");
        var checksText = challengerChecks.Passed
            ? "challenger passes the explanation checks"
            : string.Create(CultureInfo.InvariantCulture,
                $"challenger fails the explanation checks ({challengerChecks.DelinquencyViolations} delinquency and {challengerChecks.CashflowViolations} cash-flow monotonicity violations in {challengerChecks.MonotonicityPairs} pairs, {challengerChecks.Declines - challengerChecks.DeclinesWithReasons} declines without reasons)");
        return shipChallenger
            ? $"Challenger shipped: {gainText}; {checksText}."
            : $"Scorecard shipped: {gainText}; {checksText}.";
    }

    private static MappingParameters MappingFromTrainingData(CreditDataset development)
    {
        var medians = CreditFeatures.Names.Select((name, index) => (name, Median(development.Column(index))))
            .ToDictionary(pair => pair.name, pair => pair.Item2);
        return new MappingParameters
        {
            CapacityAtReferenceIncome = medians[CreditFeatures.CreditCapacity],
            PaymentAtReferenceCashflow = medians[CreditFeatures.AveragePayment],
            UtilisationAtReferenceBuffer = medians[CreditFeatures.Utilisation],
            NeutralValues = medians,
        };
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static PointsTableEntry[] PointsTable(Scorecard scorecard) =>
        scorecard.Features.Select(feature => new PointsTableEntry(
            feature.Name,
            Math.Round(feature.Weight, 6),
            Math.Round(feature.Binning.InformationValue, 4),
            Enumerable.Range(0, feature.Binning.BinCount).Select(bin => new PointsBin(
                RangeText(feature.Binning, bin),
                feature.Binning.Counts[bin],
                Math.Round(feature.Binning.DefaultRate(bin), 4),
                Math.Round(feature.Binning.Woe[bin], 4),
                Math.Round(scorecard.BinPoints(feature.Weight * feature.Binning.Woe[bin]), 1))).ToArray()))
        .ToArray();

    private static string RangeText(FeatureBinning binning, int bin)
    {
        var edges = binning.UpperEdges;
        string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
        if (edges.Length == 0)
            return "all";
        if (bin == 0)
            return $"<= {Number(edges[0])}";
        return bin == edges.Length ? $"> {Number(edges[^1])}" : $"({Number(edges[bin - 1])}, {Number(edges[bin])}]";
    }
}
