using System.Globalization;
using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Models;
using FinFlow.Credit.Scoring.Training;

namespace FinFlow.Train;

/// <summary>
/// <c>train credit</c>: trains scorecard and challenger on the Taiwan file and writes the next <c>credit-vN</c>
/// version. When the newest version already holds exactly this result (same data, seed and code) nothing is written.
/// </summary>
public sealed class CreditTrainingCommand : ITrainingCommand
{
    private const string DefaultOut = "services/Credit/models";
    private static readonly string DefaultData = "services/Credit/data/" + TaiwanCreditFile.FileName;

    public string Name => "credit";

    public string Usage => $"credit [--out {DefaultOut}] [--data {DefaultData}] [--seed {CreditTrainingOptions.DefaultSeed}]";

    public int Run(CommandArguments arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.AllowOnly("out", "data", "seed");
        var modelsDirectory = arguments.Path("out", DefaultOut);
        var options = new CreditTrainingOptions(arguments.Path("data", DefaultData), arguments.Number("seed", CreditTrainingOptions.DefaultSeed));
        if (!File.Exists(options.TaiwanCsvPath))
            throw new ArgumentException($"Training file not found: {options.TaiwanCsvPath}");

        var latest = ModelStore.LatestVersion(modelsDirectory);
        output.WriteLine($"training credit models on {options.TaiwanCsvPath} (seed {options.Seed})");
        var result = CreditTrainer.Train(options, ModelStore.VersionName(latest ?? 1));
        if (latest is { } number && CreditModelWriter.Matches(Path.Combine(modelsDirectory, ModelStore.VersionName(number)), result))
        {
            output.WriteLine($"unchanged: {ModelStore.VersionName(number)} already holds this model");
            return 0;
        }

        var version = ModelStore.VersionName((latest ?? 0) + 1);
        var directory = Path.Combine(modelsDirectory, version);
        CreditModelWriter.Write(directory, CreditModelWriter.Renamed(result, version));
        var card = result.Card;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hold-out AUC: scorecard {card.Scorecard.HoldOut.Auc:F4}, challenger {card.Challenger.HoldOut.Auc:F4}"));
        output.WriteLine(card.ShipReason);
        output.WriteLine($"wrote {directory}");
        return 0;
    }
}
