using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FinFlow.Sidecar.Hosting;

/// <summary>JSON lines on stdout (one object per event), at daprd's <c>--log-level</c>.</summary>
public static class SidecarLogging
{
    public static void Configure(ILoggingBuilder logging, string level)
    {
        var minimum = level switch
        {
            "debug" => LogLevel.Debug,
            "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "fatal" => LogLevel.Critical,
            _ => LogLevel.Information,
        };
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        // ASP.NET Core logs every request at Information; that is noise next to the sidecar's own events.
        logging.AddFilter("Microsoft", minimum == LogLevel.Debug ? LogLevel.Debug : LogLevel.Warning);
        logging.AddFilter("Grpc", minimum == LogLevel.Debug ? LogLevel.Debug : LogLevel.Warning);
        logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.IncludeScopes = false;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.None);
    }

    public static ILoggerFactory CreateFactory(string level) => LoggerFactory.Create(logging => Configure(logging, level));
}
