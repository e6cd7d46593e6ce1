using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Models;

namespace FinFlow.Credit.Scoring;

/// <summary>
/// The shipped credit model as the service uses it: validate and map a business, score it, band it, explain it.
/// Thread-safe; load once at start with <see cref="Load"/>.
/// </summary>
public sealed class CreditModel
{
    /// <summary>A column that costs less than half a point is rounding noise, not a reason.</summary>
    public const double MinimumReasonPoints = 0.5;

    public CreditModel(ModelManifest manifest, ICreditScorer scorer)
    {
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        Scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
    }

    public ModelManifest Manifest { get; }

    public ICreditScorer Scorer { get; }

    public string ModelVersion => Manifest.ModelVersion;

    /// <summary>Loads the newest version (highest <c>credit-vN</c>) under <paramref name="modelsDirectory"/>.</summary>
    public static CreditModel Load(string modelsDirectory) => ModelStore.LoadLatest(modelsDirectory);

    /// <exception cref="CreditInputException">An input is missing or impossible; the exception names the field.</exception>
    public CreditAssessment Score(BusinessFeatures features)
    {
        var mapped = BusinessFeatureMapper.Map(features, Manifest.Mapping);
        var logit = Scorer.DefaultLogit(mapped.Values, mapped.Observed);
        var probability = Scorecards.ScoreScale.Sigmoid(logit);
        return new CreditAssessment(
            Manifest.Scale.Shown(Manifest.Scale.PointsForDefaultLogit(logit)),
            probability,
            Manifest.Bands.Band(probability),
            Reasons(mapped),
            ModelVersion);
    }

    private ScoreReason[] Reasons(MappedFeatures mapped)
    {
        var lost = Scorer.PointsLost(mapped.Values, mapped.Observed);
        return Enumerable.Range(0, lost.Count)
            .Where(column => lost[column] >= MinimumReasonPoints)
            .OrderByDescending(column => Math.Round(lost[column], MidpointRounding.AwayFromZero))
            .ThenBy(column => column)
            .Select(column =>
            {
                var wording = ReasonCatalog.For(Manifest.Features[column]);
                var impact = (int)Math.Round(lost[column], MidpointRounding.AwayFromZero);
                return mapped.Observed[column]
                    ? new ScoreReason(wording.Code, wording.Text, impact)
                    : new ScoreReason(wording.MissingCode, wording.MissingText, impact);
            })
            .ToArray();
    }
}
