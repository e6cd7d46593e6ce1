using FinFlow.Credit.Scoring.Challengers;
using FinFlow.Credit.Scoring.Models;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Training;

/// <summary>Both trained candidates, the manifest of the shipped one, and the model card.</summary>
public sealed record CreditTrainingResult(ModelManifest Manifest, Scorecard Scorecard, ChallengerModel Challenger, ModelCard Card)
{
    public CreditModel ShippedModel() =>
        new(Manifest, Manifest.Shipped == Challenger.Kind ? Challenger : Scorecard);
}
