using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Offers;

/// <summary>Why no credit is offered: the principal reasons (at most four, most important first) and a fixed statement.</summary>
public sealed record AdverseActionNotice(string Decision, IReadOnlyList<ScoreReason> Reasons, string Statement)
{
    public const string Declined = "DECLINED";

    public const int MaxReasons = 4;

    public const string StandardStatement =
        "FinFlow cannot offer credit on this assessment. The principal reasons are listed in order of importance. " +
        "They come from your own books as recorded on FinFlow; you may ask for a new assessment once they change.";
}
