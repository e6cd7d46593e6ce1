namespace FinFlow.Credit.Scoring.Challengers;

/// <summary>
/// LightGBM settings, fixed before any evaluation (shallow trees, a slow learning rate and large leaves are the
/// usual choice for a few tens of thousands of rows) and one thread so a seed gives the same trees every time.
/// </summary>
public sealed record ChallengerOptions(
    int Seed,
    int Iterations = 200,
    int Leaves = 16,
    double LearningRate = 0.05,
    int MinimumRowsPerLeaf = 50,
    double CalibrationShare = 0.25)
{
    public static ChallengerOptions WithSeed(int seed) => new(seed);
}
