namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// The points scale: <see cref="BasePoints"/> at <see cref="BaseOdds"/>:1 good:bad odds, and every
/// <see cref="PointsToDoubleOdds"/> points double the odds. Shown scores are clamped to [Minimum, Maximum];
/// the probability of default always comes from the unclamped log-odds so the clamp never distorts it.
/// </summary>
public sealed record ScoreScale(double BasePoints = 600, double BaseOdds = 30, double PointsToDoubleOdds = 20, int Minimum = 300, int Maximum = 850)
{
    public static ScoreScale Standard { get; } = new();

    /// <summary>Points per unit of natural log-odds.</summary>
    public double Factor => PointsToDoubleOdds / Math.Log(2);

    /// <summary>The score at even odds (log-odds 0).</summary>
    public double Offset => BasePoints - (Factor * Math.Log(BaseOdds));

    /// <summary>Unclamped points for a log-odds of default (bad:good), i.e. logit(PD).</summary>
    public double PointsForDefaultLogit(double defaultLogit) => Offset - (Factor * defaultLogit);

    public double DefaultLogitForPoints(double points) => (Offset - points) / Factor;

    public int Shown(double points) => (int)Math.Clamp(Math.Round(points, MidpointRounding.AwayFromZero), Minimum, Maximum);

    public static double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit));

    public static double Logit(double probability) => Math.Log(probability / (1 - probability));
}
