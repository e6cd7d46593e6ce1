using FinFlow.Credit.Scoring.Models;

namespace FinFlow.Credit.Scoring.Training;

/// <summary>Writes a training result as one model version directory: model files plus model-card.json and model-card.md.</summary>
public static class CreditModelWriter
{
    public const string CardJsonFile = "model-card.json";
    public const string CardMarkdownFile = "model-card.md";

    public static void Write(string versionDirectory, CreditTrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var shippedChallenger = result.Manifest.Shipped == result.Challenger.Kind ? result.Challenger : null;
        ModelStore.Write(versionDirectory, result.Manifest, result.Scorecard, shippedChallenger);
        ModelJson.Write(Path.Combine(versionDirectory, CardJsonFile), result.Card);
        File.WriteAllText(Path.Combine(versionDirectory, CardMarkdownFile), ModelCardMarkdown.Render(result.Card));
    }

    /// <summary>A copy of the result under another version name.</summary>
    public static CreditTrainingResult Renamed(CreditTrainingResult result, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with
        {
            Manifest = result.Manifest with { ModelVersion = modelVersion },
            Card = result.Card with { ModelVersion = modelVersion },
        };
    }

    /// <summary>
    /// True when <paramref name="versionDirectory"/> already holds exactly what <paramref name="result"/> would write
    /// (text files compared byte for byte; a model zip carries timestamps, and the card's metrics stand in for it).
    /// </summary>
    public static bool Matches(string versionDirectory, CreditTrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scratch = Path.Combine(Path.GetTempPath(), "finflow-credit-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(scratch, result);
            return Directory.EnumerateFiles(scratch)
                .Where(path => !path.EndsWith(".zip", StringComparison.Ordinal))
                .All(path =>
                {
                    var existing = Path.Combine(versionDirectory, Path.GetFileName(path));
                    return File.Exists(existing) && File.ReadAllBytes(existing).AsSpan().SequenceEqual(File.ReadAllBytes(path));
                });
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
