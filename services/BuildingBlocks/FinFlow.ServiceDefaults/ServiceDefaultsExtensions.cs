using System.Reflection;
using FinFlow.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.ServiceDefaults;

/// <summary>The one pair of calls every FinFlow service makes: <c>AddServiceDefaults</c> and <c>MapDefaultEndpoints</c>.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Name used in logs, traces, metrics and the OpenAPI title: configuration <c>Service:Name</c>, else <c>APP_ID</c>, else the entry assembly.</summary>
    public static string ServiceName(this WebApplicationBuilder builder) =>
        builder.Configuration["Service:Name"]
        ?? builder.Configuration["APP_ID"]
        ?? Assembly.GetEntryAssembly()?.GetName().Name
        ?? "finflow";

    /// <remarks>
    /// Services call <c>builder.Services.AddValidation()</c> themselves: the validation source generator
    /// only discovers endpoint types in the assembly that makes that call.
    /// </remarks>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        var serviceName = builder.ServiceName();
        builder.AddStructuredLogging(serviceName);
        builder.AddTelemetry(serviceName);
        builder.Services.AddDefaultHealthChecks();
        builder.Services.AddProblemDetailsForEveryError();
        builder.Services.AddOpenApiDocument(serviceName);
        builder.Services.ConfigureHttpJsonOptions(options => EventJson.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(EventJson.Options));
        return builder;
    }

    /// <summary>Error handling first, then request logging, then the operational endpoints.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLogging();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint(OperationalPaths.Metrics).AllowAnonymous();
        app.UseOpenApiDocument();
        return app;
    }
}
