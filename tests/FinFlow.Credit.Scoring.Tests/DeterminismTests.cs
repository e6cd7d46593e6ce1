using System.Text.Json;
using FinFlow.Credit.Scoring.Challengers;
using FinFlow.Credit.Scoring.Models;
using FinFlow.Credit.Scoring.Scorecards;
using FinFlow.Credit.Scoring.Training;

namespace FinFlow.Credit.Scoring.Tests;

[Collection(TrainedCreditGroup.Name)]
public sealed class DeterminismTests(TrainedCredit trained)
{
    [Fact]
    public void Same_data_and_seed_give_the_same_scorecard_and_the_same_scores_to_the_last_bit()
    {
        var again = ScorecardTrainer.Train(trained.Development, ScorecardTrainingOptions.WithSeed(CreditTrainingOptions.DefaultSeed));

        Assert.Equal(JsonSerializer.Serialize(trained.Result.Scorecard, ModelJson.Options), JsonSerializer.Serialize(again, ModelJson.Options));
        foreach (var row in trained.HoldOut.Rows)
            Assert.Equal(BitConverter.DoubleToInt64Bits(trained.Result.Scorecard.DefaultLogit(row)), BitConverter.DoubleToInt64Bits(again.DefaultLogit(row)));
    }

    [Fact]
    public void Same_data_and_seed_give_the_same_challenger_scores_to_the_last_bit()
    {
        var again = ChallengerModel.Train(trained.Development, ChallengerOptions.WithSeed(CreditTrainingOptions.DefaultSeed));

        foreach (var row in trained.HoldOut.Rows.Take(2_000))
            Assert.Equal(BitConverter.DoubleToInt64Bits(trained.Result.Challenger.DefaultLogit(row)), BitConverter.DoubleToInt64Bits(again.DefaultLogit(row)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_hold_out_split_and_so_a_different_model()
    {
        var other = ScorecardTrainer.Train(
            trained.Taiwan.Subset(Evaluation.StratifiedFolds.Split(Evaluation.StratifiedFolds.Assign(trained.Taiwan.Defaulted, 5, seed: 7), 0).Train),
            ScorecardTrainingOptions.WithSeed(7));

        Assert.NotEqual(trained.Result.Scorecard.Intercept, other.Intercept);
    }

    [Fact]
    public void The_committed_model_version_is_exactly_what_training_on_the_committed_data_produces()
    {
        var latest = ModelStore.VersionName(ModelStore.LatestVersion(RepositoryFiles.ModelsDirectory)!.Value);
        var directory = Path.Combine(RepositoryFiles.ModelsDirectory, latest);

        Assert.True(
            CreditModelWriter.Matches(directory, CreditModelWriter.Renamed(trained.Result, latest)),
            $"{directory} differs from a fresh training run: run `dotnet run --project tools/FinFlow.Train -- credit` and commit the new version.");
    }
}
