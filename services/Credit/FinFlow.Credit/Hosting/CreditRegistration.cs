using FinFlow.Contracts;
using FinFlow.Credit.Assessment;
using FinFlow.Credit.Assessment.Books;
using FinFlow.Credit.Decisions;
using FinFlow.Credit.Offers;
using FinFlow.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace FinFlow.Credit.Hosting;

public static class CreditRegistration
{
    /// <summary>The forecast runs the analytics ensemble with a backtest on a year of days; it gets longer than a plain read.</summary>
    public static readonly TimeSpan ForecastTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The model, the decision audit, the readers of accounting and analytics (through the sidecar) and the offer pricing.</summary>
    public static WebApplicationBuilder AddCredit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CreditModelHost>();
        services.AddHostedService<CreditModelLoader>();
        services.AddHealthChecks().AddCheck<CreditModelHealthCheck>("credit-model", tags: [HealthExtensions.ReadyTag]);
        services.AddSingleton<DecisionStore>();

        builder.AddSidecarInvocationClient(AppIds.Accounting);
        builder.AddSidecarInvocationClient(AppIds.Analytics, ForecastTimeout);
        services.AddOptions<AssessmentOptions>().Bind(builder.Configuration.GetSection(AssessmentOptions.SectionName));
        services.AddSingleton<BooksReader>();
        services.AddSingleton<ForecastReader>();

        services.AddOptions<OfferOptions>().Bind(builder.Configuration.GetSection(OfferOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfferOptions>, OfferOptionsValidation>();
        return builder;
    }
}
