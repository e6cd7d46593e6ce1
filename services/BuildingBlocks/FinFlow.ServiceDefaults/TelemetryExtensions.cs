using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FinFlow.ServiceDefaults;

/// <summary>OpenTelemetry traces and metrics; OTLP export only when an endpoint is configured, Prometheus always.</summary>
public static class TelemetryExtensions
{
    /// <summary>Services name their own ActivitySources and Meters under this prefix to be collected.</summary>
    public const string SourcePrefix = "FinFlow.";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SourcePrefix + "*")
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !OperationalPaths.Contains(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (exportOtlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SourcePrefix + "*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (exportOtlp) metrics.AddOtlpExporter();
            });
        return builder;
    }
}
