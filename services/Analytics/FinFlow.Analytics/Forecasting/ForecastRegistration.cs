using FinFlow.Analytics.Forecasting.Api;

namespace FinFlow.Analytics.Forecasting;

public static class ForecastRegistration
{
    public static WebApplicationBuilder AddForecasting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new Forecaster());
        return builder;
    }
}
