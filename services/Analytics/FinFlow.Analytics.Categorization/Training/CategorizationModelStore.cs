using System.Text.Json;
using FinFlow.Analytics.Categorization.Model;

namespace FinFlow.Analytics.Categorization.Training;

/// <summary>
/// Model files on disk: <c>categorization-{version}.zip</c> with <c>.card.json</c> beside it. The version
/// names the data hash and seed, so the same data and seed always write the same version.
/// </summary>
public static class CategorizationModelStore
{
    public const string Prefix = "categorization-";

    private static readonly JsonSerializerOptions CardJson = new() { WriteIndented = true };

    /// <summary>Trains on <paramref name="mccFile"/> and writes the model and its card; returns them with the file path.</summary>
    public static (Categorizer Categorizer, CategorizationModelCard Card, string Path) TrainAndWrite(string directory, string mccFile, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var (categorizer, model, card) = CategorizationTraining.Run(mccFile, seed);
        card = card with { Version = $"v1-{card.DataSha256[..8]}-s{seed}" };
        var path = System.IO.Path.Combine(directory, $"{Prefix}{card.Version}.zip");
        model.Save(path);
        File.WriteAllText(CardPath(path), JsonSerializer.Serialize(card, CardJson));
        return (categorizer, card, path);
    }

    /// <summary>The newest model in <paramref name="directory"/> with its card, or null when there is none.</summary>
    public static (Categorizer Categorizer, CategorizationModelCard Card)? LoadNewest(string directory)
    {
        var newest = Directory.Exists(directory)
            ? Directory.GetFiles(directory, $"{Prefix}*.zip").Where(f => File.Exists(CardPath(f))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (newest is null) return null;
        var card = JsonSerializer.Deserialize<CategorizationModelCard>(File.ReadAllText(CardPath(newest)))!;
        return (new Categorizer(CategoryModel.Load(newest), card.AbstainThreshold), card);
    }

    private static string CardPath(string modelPath) => System.IO.Path.ChangeExtension(modelPath, ".card.json");
}
