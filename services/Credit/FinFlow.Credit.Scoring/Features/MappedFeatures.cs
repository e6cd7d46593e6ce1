namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// A business mapped onto the model's columns. Where <see cref="Observed"/> is false the optional input behind that
/// column was not given and <see cref="Values"/> holds the training median; the scorecard then gives that column
/// the average applicant's points (WoE 0) instead.
/// </summary>
public sealed record MappedFeatures(double[] Values, bool[] Observed)
{
    public double this[string feature] => Values[CreditFeatures.IndexOf(feature)];

    public bool IsObserved(string feature) => Observed[CreditFeatures.IndexOf(feature)];
}
