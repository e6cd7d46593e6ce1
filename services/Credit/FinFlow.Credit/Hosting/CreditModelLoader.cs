using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Hosting;

/// <summary>
/// Loads the newest <c>credit-vN</c> under <c>Credit:ModelDirectory</c> (relative to the content root, default
/// <c>../models</c>: the repository's <c>services/Credit/models</c>) before the server takes requests. Loading is a
/// few JSON files, so it runs synchronously; a failure is logged and reported by /readyz instead of stopping the host.
/// </summary>
public sealed partial class CreditModelLoader(CreditModelHost host, IConfiguration configuration, IHostEnvironment environment, ILogger<CreditModelLoader> logger)
    : IHostedService
{
    public const string DirectoryKey = "Credit:ModelDirectory";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(configuration[DirectoryKey] ?? "../models", environment.ContentRootPath);
        try
        {
            var model = CreditModel.Load(directory);
            host.Set(model);
            LogLoaded(logger, model.ModelVersion, model.Scorer.Kind, directory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException
            or InvalidOperationException or ArgumentException or FormatException)
        {
            host.Fail($"The credit model could not be loaded from {directory}: {e.Message}");
            LogFailed(logger, e, directory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Credit model {ModelVersion} ({Kind}) loaded from {Directory}")]
    private static partial void LogLoaded(ILogger logger, string modelVersion, string kind, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "The credit model could not be loaded from {Directory}; scoring answers 503 until it is fixed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string directory);
}
