namespace FinFlow.Credit.Scoring.Data;

/// <summary>One model input column: its name, how it is binned, and (nominal) the category labels its codes index.</summary>
public sealed record FeatureSpec(string Name, FeatureKind Kind, RiskDirection Direction, IReadOnlyList<string>? Categories = null)
{
    public static FeatureSpec Numeric(string name, RiskDirection direction) => new(name, FeatureKind.Numeric, direction);

    public static FeatureSpec Nominal(string name, IReadOnlyList<string> categories) =>
        new(name, FeatureKind.Nominal, RiskDirection.Learned, categories);
}
