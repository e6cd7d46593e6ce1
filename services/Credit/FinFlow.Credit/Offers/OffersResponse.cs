using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Offers;

/// <summary>The offers priced for the caller's latest assessment, or the adverse-action notice when there are none.</summary>
public sealed record OffersResponse(
    Guid AssessmentId,
    DateTimeOffset AssessedAt,
    string ModelVersion,
    int CreditScore,
    double ProbabilityOfDefault,
    RiskBand RiskBand,
    string? Currency,
    DebtCapacity Capacity,
    IReadOnlyList<LoanOffer> Offers,
    AdverseActionNotice? AdverseAction);
