using System.Diagnostics;
using System.Globalization;
using FinFlow.Credit.Benchmark;
using FinFlow.Credit.Scoring;
using FinFlow.Credit.Scoring.Challengers;
using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Models;
using FinFlow.Credit.Scoring.Scorecards;
using FinFlow.Credit.Scoring.Training;

// Every setting is fixed in advance (seed, folds, model options): nothing here is tuned on the folds it reports.
const int Seed = CreditTrainingOptions.DefaultSeed;
var root = RepositoryRoot.Find();
var dataDirectory = Path.Combine(root, "services", "Credit", "data");
var modelsDirectory = Path.Combine(root, "services", "Credit", "models");
var clock = Stopwatch.StartNew();
var table = new BenchmarkTable();
ICreditScorer Scorecard(CreditDataset data) => ScorecardTrainer.Train(data, ScorecardTrainingOptions.WithSeed(Seed));
ICreditScorer Challenger(CreditDataset data) => ChallengerModel.Train(data, ChallengerOptions.WithSeed(Seed));

Console.Error.WriteLine("Taiwan: 5-fold cross-validation of scorecard and challenger ...");
var taiwan = TaiwanFeatureBuilder.Build(TaiwanCreditFile.Load(Path.Combine(dataDirectory, TaiwanCreditFile.FileName)));
var taiwanScorecard = CrossValidation.Run(taiwan, 5, Seed, Scorecard);
var taiwanChallenger = CrossValidation.Run(taiwan, 5, Seed, Challenger);
const string TaiwanSection = "Taiwan 5-fold CV (30,000)";
foreach (var row in CreditEvaluation.Discrimination("scorecard", taiwanScorecard, taiwan, Published.TaiwanAucBaselines, "≥ 0.76", Published.TaiwanGini, Published.TaiwanErrorRate))
    table.Add(TaiwanSection, row);
foreach (var row in CreditEvaluation.Discrimination("challenger", taiwanChallenger, taiwan, Published.TaiwanAucBaselines, "≥ 0.78", Published.TaiwanGini, Published.TaiwanErrorRate))
    table.Add(TaiwanSection, row);
foreach (var row in CreditEvaluation.Calibration("scorecard", taiwanScorecard, taiwan).Concat(CreditEvaluation.Calibration("challenger", taiwanChallenger, taiwan)))
    table.Add(TaiwanSection, row);
table.Add(TaiwanSection, CreditEvaluation.DeclineReasons("scorecard", taiwanScorecard));
table.Add(TaiwanSection, CreditEvaluation.DeclineReasons("challenger", taiwanChallenger));
foreach (var row in CreditEvaluation.DisparateImpactRows(taiwanScorecard, taiwan))
    table.Add("Taiwan disparate impact (scorecard, cut-off band E)", row);

Console.Error.WriteLine("German: 10-fold cross-validation ...");
var german = GermanCreditFile.Load(Path.Combine(dataDirectory, GermanCreditFile.FileName));
var germanScorecard = CrossValidation.Run(german, 10, Seed, Scorecard);
var germanChallenger = CrossValidation.Run(german, 10, Seed, Challenger);
const string GermanSection = "German 10-fold CV (1,000)";
foreach (var row in CreditEvaluation.Discrimination("scorecard", germanScorecard, german, Published.GermanAucBaselines, "≥ 0.78"))
    table.Add(GermanSection, row);
foreach (var row in CreditEvaluation.Discrimination("challenger", germanChallenger, german, Published.GermanAucBaselines, ""))
    table.Add(GermanSection, row);
foreach (var row in CreditEvaluation.Calibration("scorecard", germanScorecard, german))
    table.Add(GermanSection, row);
table.Add(GermanSection, CreditEvaluation.DeclineReasons("scorecard", germanScorecard));
foreach (var row in CreditEvaluation.DisparateImpactRows(germanScorecard, german))
    table.Add("German disparate impact (scorecard, cut-off band E)", row);

Console.Error.WriteLine("Shipped model: explanation checks from its card, Score() latency ...");
var model = CreditModel.Load(modelsDirectory);
var card = ModelJson.Read<ModelCard>(Path.Combine(modelsDirectory, model.ModelVersion, CreditModelWriter.CardJsonFile));
var shippedSection = $"shipped {model.ModelVersion} ({model.Manifest.Shipped})";
foreach (var evaluation in new[] { card.Scorecard, card.Challenger })
{
    var checks = evaluation.Checks;
    table.Add(shippedSection, new BenchmarkRow(
        $"{evaluation.Model} monotonicity violations (delinquency / cash flow)",
        string.Create(CultureInfo.InvariantCulture, $"{checks.DelinquencyViolations} / {checks.CashflowViolations} of {checks.MonotonicityPairs} pairs"),
        "",
        "0 to ship"));
}

table.Add(shippedSection, new BenchmarkRow("ship decision", card.ShipReason));
foreach (var row in LatencyProbe.Measure(model, ReferenceBusinesses.All().ToArray(), calls: 100_000))
    table.Add(shippedSection, row);

Console.WriteLine(table.Render());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"benchmark wall time {clock.Elapsed.TotalSeconds:F0} s, {Environment.ProcessorCount} cores"));
