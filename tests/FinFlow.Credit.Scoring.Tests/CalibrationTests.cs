using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Tests;

[Collection(TrainedCreditGroup.Name)]
public sealed class CalibrationTests(TrainedCredit trained)
{
    [Fact]
    public void Predicted_and_observed_default_rates_agree_within_two_points_in_every_band_on_the_hold_out()
    {
        var scorer = trained.Model.Scorer;
        var probabilities = trained.HoldOut.Rows.Select(row => ScoreScale.Sigmoid(scorer.DefaultLogit(row))).ToArray();

        var table = CalibrationTable.Compute(probabilities, trained.HoldOut.Defaulted, trained.Model.Manifest.Bands);

        Assert.Equal(Enum.GetValues<RiskBand>(), table.Select(row => row.Band));
        Assert.All(table, row => Assert.True(row.Count >= 100, $"band {row.Band} has only {row.Count} rows"));
        Assert.All(table, row => Assert.True(row.ErrorPoints < 2, $"band {row.Band}: predicted {row.MeanPredicted:P2}, observed {row.Observed:P2}"));
        Assert.Equal(table, trained.Result.Card.Calibration);
    }

    [Fact]
    public void Bands_rise_with_risk_so_observed_default_rates_rise_from_A_to_E()
    {
        var observed = trained.Result.Card.Calibration.Select(row => row.Observed).ToArray();

        Assert.Equal(observed.Order(), observed);
    }

    [Fact]
    public void The_calibration_map_is_strictly_increasing()
    {
        var calibration = trained.Result.Scorecard.Calibration!;
        var previous = double.NegativeInfinity;
        for (var raw = -6.0; raw <= 6; raw += 0.01)
        {
            var mapped = calibration.Map(raw);
            Assert.True(mapped > previous, $"not increasing at {raw}");
            previous = mapped;
        }
    }
}
