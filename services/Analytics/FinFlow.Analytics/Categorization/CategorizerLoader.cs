using FinFlow.Analytics.Categorization.Training;

namespace FinFlow.Analytics.Categorization;

/// <summary>
/// Loads the newest categorization model from the model directory at start; when there is none (a fresh
/// clone), trains one from the shipped MCC data, which is deterministic and takes seconds, and saves it —
/// so `./finflow up` has a model without a separate training step (`train analytics` writes the same files).
/// </summary>
public sealed class CategorizerLoader(CategorizerHost host, IConfiguration configuration, IHostEnvironment environment, ILogger<CategorizerLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // do not hold up the host's start
        var models = Path.GetFullPath(configuration["Analytics:ModelDirectory"] ?? "../models", environment.ContentRootPath);
        if (CategorizationModelStore.LoadNewest(models) is { } loaded)
        {
            host.Set(loaded.Categorizer, loaded.Card);
            logger.LogInformation("Categorization model {Version} loaded from {Directory}", loaded.Card.Version, models);
            return;
        }

        var data = Path.GetFullPath(configuration["Analytics:DataDirectory"] ?? "../data", environment.ContentRootPath);
        logger.LogInformation("No categorization model in {Directory}: training one from {Data}", models, data);
        var trained = CategorizationModelStore.TrainAndWrite(models, Path.Combine(data, "mcc_codes.json"));
        host.Set(trained.Categorizer, trained.Card);
        logger.LogInformation("Categorization model {Version} trained: macro-F1 {MacroF1} on held-out merchants", trained.Card.Version, trained.Card.MacroF1);
    }
}
