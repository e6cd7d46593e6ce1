using System.Text.Json;
using FinFlow.Analytics.Categorization.Model;
using FinFlow.Analytics.Categorization.Training;

namespace FinFlow.Analytics.Categorization;

/// <summary>
/// Loads the newest categorization model from the model directory at start; when there is none (a fresh
/// clone), trains one from the shipped MCC data, which is deterministic and takes seconds, and saves it.
/// </summary>
public sealed class CategorizerLoader(CategorizerHost host, IConfiguration configuration, IHostEnvironment environment, ILogger<CategorizerLoader> logger)
    : BackgroundService
{
    public const string ModelPrefix = "categorization-";

    private static readonly JsonSerializerOptions CardJson = new() { WriteIndented = true };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // do not hold up the host's start
        var models = Path.GetFullPath(configuration["Analytics:ModelDirectory"] ?? "../models", environment.ContentRootPath);
        var newest = Directory.Exists(models)
            ? Directory.GetFiles(models, $"{ModelPrefix}*.zip").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (newest is not null && File.Exists(CardPath(newest)))
        {
            var card = JsonSerializer.Deserialize<CategorizationModelCard>(await File.ReadAllTextAsync(CardPath(newest), stoppingToken))!;
            host.Set(new Categorizer(CategoryModel.Load(newest), card.AbstainThreshold), card);
            logger.LogInformation("Categorization model {Version} loaded from {Path}", card.Version, newest);
            return;
        }

        var data = Path.GetFullPath(configuration["Analytics:DataDirectory"] ?? "../data", environment.ContentRootPath);
        logger.LogInformation("No categorization model in {Directory}: training one from {Data}", models, data);
        var trained = Write(models, Path.Combine(data, "mcc_codes.json"));
        host.Set(trained.Categorizer, trained.Card);
        logger.LogInformation("Categorization model {Version} trained: macro-F1 {MacroF1} on held-out merchants", trained.Card.Version, trained.Card.MacroF1);
    }

    /// <summary>Trains and writes <c>categorization-{version}.zip</c> with its card; the train command uses the same.</summary>
    public static (Categorizer Categorizer, CategorizationModelCard Card) Write(string directory, string mccFile, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var (categorizer, model, card) = CategorizationTraining.Run(mccFile, seed);
        var version = $"v1-{card.DataSha256[..8]}-s{seed}";
        card = card with { Version = version };
        var path = Path.Combine(directory, $"{ModelPrefix}{version}.zip");
        model.Save(path);
        File.WriteAllText(CardPath(path), JsonSerializer.Serialize(card, CardJson));
        return (categorizer, card);
    }

    private static string CardPath(string modelPath) => Path.ChangeExtension(modelPath, ".card.json");
}
