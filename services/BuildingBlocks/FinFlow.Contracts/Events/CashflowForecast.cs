namespace FinFlow.Contracts.Events;

/// <summary>A new net cash-flow forecast for a user's books.</summary>
public sealed record CashflowForecast(
    Guid UserId,
    string Currency,
    string Model,
    IReadOnlyList<ForecastPoint> Forecast,
    DateTimeOffset GeneratedAt) : IIntegrationEvent
{
    public static string Topic => Topics.CashflowForecast;
}
