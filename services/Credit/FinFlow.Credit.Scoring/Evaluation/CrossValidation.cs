namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>Stratified k-fold cross-validation of any trainer that yields an <see cref="ICreditScorer"/>.</summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(Data.CreditDataset data, int folds, int seed, Func<Data.CreditDataset, ICreditScorer> train)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(train);
        var assignment = StratifiedFolds.Assign(data.Defaulted, folds, seed);
        var probabilities = new double[data.Count];
        var hasReason = new bool[data.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var (trainRows, testRows) = StratifiedFolds.Split(assignment, fold);
            var scorer = train(data.Subset(trainRows));
            foreach (var row in testRows)
            {
                probabilities[row] = Scorecards.ScoreScale.Sigmoid(scorer.DefaultLogit(data.Rows[row]));
                hasReason[row] = scorer.PointsLost(data.Rows[row]).Any(points => points >= CreditModel.MinimumReasonPoints);
            }
        }

        return new CrossValidationResult(probabilities, hasReason);
    }
}
