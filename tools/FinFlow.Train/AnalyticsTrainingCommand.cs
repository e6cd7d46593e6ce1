using System.Globalization;
using FinFlow.Analytics.Categorization.Training;

namespace FinFlow.Train;

/// <summary>
/// <c>train analytics</c>: trains the transaction categorizer on descriptions generated from the shipped MCC
/// file and writes <c>categorization-{version}.zip</c> and its model card (data hash, held-out-merchant
/// accuracy and macro-F1, abstain threshold and coverage). The forecasting models fit per request and need no files.
/// </summary>
public sealed class AnalyticsTrainingCommand : ITrainingCommand
{
    private const string DefaultOut = "services/Analytics/models";
    private const string DefaultData = "services/Analytics/data/mcc_codes.json";

    public string Name => "analytics";

    public string Usage => $"analytics [--out {DefaultOut}] [--data {DefaultData}] [--seed 42]";

    public int Run(CommandArguments arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.AllowOnly("out", "data", "seed");
        var data = arguments.Path("data", DefaultData);
        if (!File.Exists(data)) throw new ArgumentException($"Training file not found: {data}");
        var (_, card, path) = CategorizationModelStore.TrainAndWrite(arguments.Path("out", DefaultOut), data, arguments.Number("seed", 42));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out merchants ({card.TestMerchants}): accuracy {card.Accuracy:F4}, macro-F1 {card.MacroF1:F4}; abstain below {card.AbstainThreshold:F4}, coverage {card.CoverageAtThreshold:P1} at precision {card.PrecisionAtThreshold:P1}"));
        output.WriteLine($"wrote {path}");
        return 0;
    }
}
