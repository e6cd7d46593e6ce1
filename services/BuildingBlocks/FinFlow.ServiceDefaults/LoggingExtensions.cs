using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FinFlow.ServiceDefaults;

/// <summary>
/// Serilog as compact JSON (CLEF) on stdout. Serilog 4 stamps each event with the current
/// Activity's trace and span id, written as <c>@tr</c> and <c>@sp</c>, so every line joins its trace.
/// </summary>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            // Sinks registered in DI (tests capture output this way) are added to the console one.
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("service", serviceName)
            .WriteTo.Console(new RenderedCompactJsonFormatter()),
            // Each host keeps its own logger instead of replacing the process-wide static one, so
            // several hosts in one process (tests) never write through each other's pipeline.
            preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Probes and scrapes arrive every few seconds; logging each would drown real traffic.
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError
                    ? LogEventLevel.Error
                    : OperationalPaths.Contains(context.Request.Path) ? LogEventLevel.Verbose : LogEventLevel.Information;
        });
        return app;
    }
}
