using FinFlow.ServiceDefaults;

namespace FinFlow.Analytics.Categorization;

public static class CategorizationRegistration
{
    public static WebApplicationBuilder AddCategorization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CategorizerHost>();
        builder.Services.AddHostedService<CategorizerLoader>();
        builder.Services.AddHealthChecks().AddCheck<CategorizerHealthCheck>("categorizer", tags: [HealthExtensions.ReadyTag]);
        return builder;
    }
}
