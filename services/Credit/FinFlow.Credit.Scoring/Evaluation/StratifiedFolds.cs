namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// Deterministic stratified splits: defaults and non-defaults are shuffled separately with a seeded
/// <see cref="Random"/> (whose seeded sequence .NET keeps stable) and dealt round-robin into folds,
/// so every fold has the file's default rate.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>The fold number (0..folds-1) of every row.</summary>
    public static int[] Assign(IReadOnlyList<bool> defaulted, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(defaulted);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
#pragma warning disable CA5394 // not security: a reproducible shuffle is the point
        var random = new Random(seed);
        var assignment = new int[defaulted.Count];
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, defaulted.Count).Where(i => defaulted[i] == label).ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
                assignment[members[k]] = k % folds;
        }
#pragma warning restore CA5394
        return assignment;
    }

    public static (int[] Train, int[] Test) Split(int[] assignment, int testFold)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var train = new List<int>();
        var test = new List<int>();
        for (var i = 0; i < assignment.Length; i++)
            (assignment[i] == testFold ? test : train).Add(i);
        return (train.ToArray(), test.ToArray());
    }
}
