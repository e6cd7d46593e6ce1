using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Models;
using FinFlow.Credit.Scoring.Training;

namespace FinFlow.Credit.Scoring.Tests;

[Collection(TrainedCreditGroup.Name)]
public sealed class ModelStoreTests(TrainedCredit trained) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"finflow-credit-models-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Load_takes_the_highest_version_by_number_not_by_name()
    {
        foreach (var version in new[] { "credit-v2", "credit-v10", "credit-v9" })
            CreditModelWriter.Write(Path.Combine(_directory, version), CreditModelWriter.Renamed(trained.Result, version));

        Assert.Equal("credit-v10", CreditModel.Load(_directory).ModelVersion);
    }

    [Fact]
    public void A_loaded_model_scores_exactly_like_the_one_that_was_written()
    {
        CreditModelWriter.Write(Path.Combine(_directory, "credit-v1"), CreditModelWriter.Renamed(trained.Result, "credit-v1"));
        var loaded = CreditModel.Load(_directory);

        foreach (var business in ReferenceBusinesses.All().Where((_, index) => index % 7 == 0))
        {
            var expected = trained.Model.Score(business);
            var actual = loaded.Score(business);
            Assert.Equal(expected.ProbabilityOfDefault, actual.ProbabilityOfDefault);
            Assert.Equal(expected.Reasons, actual.Reasons);
            Assert.Equal("credit-v1", actual.ModelVersion);
        }
    }

    [Fact]
    public void A_version_whose_challenger_shipped_loads_and_scores_with_the_challenger()
    {
        var renamed = CreditModelWriter.Renamed(trained.Result, "credit-v1");
        var challengerShipped = renamed with { Manifest = renamed.Manifest with { Shipped = trained.Result.Challenger.Kind } };
        CreditModelWriter.Write(Path.Combine(_directory, "credit-v1"), challengerShipped);

        var loaded = CreditModel.Load(_directory);

        Assert.Equal("challenger", loaded.Scorer.Kind);
        Assert.True(File.Exists(Path.Combine(_directory, "credit-v1", ModelStore.ChallengerFile)));
        foreach (var business in ReferenceBusinesses.All().Where((_, index) => index % 13 == 0))
        {
            var expected = challengerShipped.ShippedModel().Score(business);
            var actual = loaded.Score(business);
            Assert.Equal(expected.ProbabilityOfDefault, actual.ProbabilityOfDefault);
            Assert.Equal(expected.Reasons, actual.Reasons);
        }
    }

    [Fact]
    public void The_version_directory_holds_the_model_files_and_both_forms_of_the_card()
    {
        CreditModelWriter.Write(Path.Combine(_directory, "credit-v1"), CreditModelWriter.Renamed(trained.Result, "credit-v1"));

        Assert.Equal(
            [ModelStore.ManifestFile, CreditModelWriter.CardJsonFile, CreditModelWriter.CardMarkdownFile, ModelStore.ScorecardFile],
            Directory.GetFiles(Path.Combine(_directory, "credit-v1")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var card = ModelJson.Read<ModelCard>(Path.Combine(_directory, "credit-v1", CreditModelWriter.CardJsonFile));
        Assert.Equal(CreditTrainer.Sha256(RepositoryFiles.TaiwanCsv), card.DataSha256);
        Assert.Equal(CreditTrainingOptions.DefaultSeed, card.Seed);
        Assert.Contains("shipped", card.ShipReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_committed_models_stay_small()
    {
        var bytes = Directory.EnumerateFiles(RepositoryFiles.ModelsDirectory, "*", SearchOption.AllDirectories).Sum(path => new FileInfo(path).Length);

        Assert.InRange(bytes, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public void An_empty_models_directory_is_a_clear_error()
    {
        Directory.CreateDirectory(_directory);

        var error = Assert.Throws<DirectoryNotFoundException>(() => CreditModel.Load(_directory));
        Assert.Contains("FinFlow.Train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_trained_on_other_columns_is_refused()
    {
        var version = Path.Combine(_directory, "credit-v1");
        CreditModelWriter.Write(version, CreditModelWriter.Renamed(trained.Result, "credit-v1"));
        var manifest = ModelJson.Read<ModelManifest>(Path.Combine(version, ModelStore.ManifestFile));
        ModelJson.Write(Path.Combine(version, ModelStore.ManifestFile), manifest with { Features = manifest.Features.Reverse().ToArray() });

        Assert.Throws<InvalidDataException>(() => CreditModel.Load(_directory));
    }
}
