using System.Text.Json;
using FinFlow.Contracts;
using FinFlow.Credit.Money;
using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Decisions;

/// <summary>A <c>credit_decisions</c> row as Dapper reads it.</summary>
public sealed class DecisionRow
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string ModelVersion { get; init; } = string.Empty;

    public string InputSha256 { get; init; } = string.Empty;

    public int CreditScore { get; init; }

    public double ProbabilityOfDefault { get; init; }

    public string RiskBand { get; init; } = string.Empty;

    public string Reasons { get; init; } = "[]";

    public string? Currency { get; init; }

    public long? AvgCashflowMinor { get; init; }

    public long? ForecastP10Minor { get; init; }

    public DateTime CreatedAt { get; init; }

    public DecisionView ToView() => new(
        Id, UserId, Kind, ModelVersion, InputSha256, CreditScore, ProbabilityOfDefault, Band(), ReasonViews(), Created());

    public StoredAssessment ToAssessment() => new(
        Id, Created(), ModelVersion, CreditScore, ProbabilityOfDefault, Band(), ReasonViews(),
        new AssessmentCapacity(
            Currency,
            MinorUnits.ToMajor(AvgCashflowMinor ?? 0, Currency),
            ForecastP10Minor is { } p10 ? MinorUnits.ToMajor(p10, Currency) : null));

    private RiskBand Band() => Enum.Parse<RiskBand>(RiskBand, ignoreCase: false);

    private DateTimeOffset Created() => new(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc));

    private List<ScoreReason> ReasonViews() =>
        (JsonSerializer.Deserialize<List<StoredReason>>(Reasons, EventJson.Options) ?? [])
        .Select(reason => new ScoreReason(reason.Code, ReasonTexts.For(reason.Code), reason.Impact))
        .ToList();
}
