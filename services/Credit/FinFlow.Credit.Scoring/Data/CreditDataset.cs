namespace FinFlow.Credit.Scoring.Data;

/// <summary>
/// Rows of model inputs with the default label. Protected attributes travel beside the rows (never inside
/// <see cref="Rows"/>) so they can feed the disparate-impact report without ever reaching a model.
/// </summary>
public sealed class CreditDataset
{
    public CreditDataset(
        IReadOnlyList<FeatureSpec> features,
        double[][] rows,
        bool[] defaulted,
        IReadOnlyDictionary<string, string[]> protectedGroups)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(defaulted);
        if (rows.Length != defaulted.Length)
            throw new ArgumentException("Every row needs exactly one label.", nameof(defaulted));
        Features = features;
        Rows = rows;
        Defaulted = defaulted;
        ProtectedGroups = protectedGroups;
    }

    public IReadOnlyList<FeatureSpec> Features { get; }

    public double[][] Rows { get; }

    /// <summary>True where the client defaulted (the "bad" class).</summary>
    public bool[] Defaulted { get; }

    /// <summary>Attribute name → group label per row (e.g. "sex" → "female").</summary>
    public IReadOnlyDictionary<string, string[]> ProtectedGroups { get; }

    public int Count => Rows.Length;

    public double[] Column(int feature)
    {
        var column = new double[Rows.Length];
        for (var i = 0; i < Rows.Length; i++)
            column[i] = Rows[i][feature];
        return column;
    }

    public CreditDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var rows = new double[indices.Count][];
        var labels = new bool[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            rows[i] = Rows[indices[i]];
            labels[i] = Defaulted[indices[i]];
        }

        var groups = ProtectedGroups.ToDictionary(
            pair => pair.Key,
            pair => indices.Select(index => pair.Value[index]).ToArray());
        return new CreditDataset(Features, rows, labels, groups);
    }
}
