using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Training;

namespace FinFlow.Credit.Scoring.Tests;

/// <summary>
/// One full training run shared by the suite (the same run `train credit` does, about ten seconds), plus the
/// Taiwan rows it was split from.
/// </summary>
public sealed class TrainedCredit
{
    public TrainedCredit()
    {
        Taiwan = TaiwanFeatureBuilder.Build(TaiwanCreditFile.Load(RepositoryFiles.TaiwanCsv));
        Result = CreditTrainer.Train(new CreditTrainingOptions(RepositoryFiles.TaiwanCsv), "credit-test");
        Model = Result.ShippedModel();
        var (development, holdOut) = Evaluation.StratifiedFolds.Split(
            Evaluation.StratifiedFolds.Assign(Taiwan.Defaulted, CreditTrainingOptions.HoldOutFolds, CreditTrainingOptions.DefaultSeed), 0);
        Development = Taiwan.Subset(development);
        HoldOut = Taiwan.Subset(holdOut);
    }

    public CreditDataset Taiwan { get; }

    public CreditDataset Development { get; }

    public CreditDataset HoldOut { get; }

    public CreditTrainingResult Result { get; }

    public CreditModel Model { get; }
}

[CollectionDefinition(Name)]
public sealed class TrainedCreditGroup : ICollectionFixture<TrainedCredit>
{
    public const string Name = "trained credit models";
}
