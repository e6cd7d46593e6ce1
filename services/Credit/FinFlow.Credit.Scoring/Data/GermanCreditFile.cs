namespace FinFlow.Credit.Scoring.Data;

/// <summary>
/// Reads german_credit.csv (UCI Statlog German Credit, Hofmann 1994) as a check dataset. Coded columns (A11, A12, …)
/// become nominal features, counts and amounts numeric ones with a learned risk direction. personal_status_sex,
/// age_years and foreign_worker are never inputs: they become the disparate-impact groups.
/// </summary>
public static class GermanCreditFile
{
    public const string FileName = "german_credit.csv";
    public const string SexGroup = "sex";
    public const string AgeGroup = "age";
    public const string ForeignWorkerGroup = "foreign worker";

    private static readonly string[] NumericColumns =
        ["duration_months", "credit_amount", "installment_rate_pct_income", "residence_since", "existing_credits", "people_liable"];

    private static readonly string[] NominalColumns =
        ["checking_status", "credit_history", "purpose", "savings", "employment_since", "other_debtors", "property",
         "other_installment_plans", "housing", "job", "telephone"];

    public static CreditDataset Load(string path)
    {
        var table = CsvTable.Read(path);
        var specs = new List<FeatureSpec>();
        var columns = new List<Func<string[], double>>();
        foreach (var name in NumericColumns)
        {
            var index = table.Column(name);
            specs.Add(FeatureSpec.Numeric(name, RiskDirection.Learned));
            columns.Add(row => CsvTable.Number(row[index]));
        }

        foreach (var name in NominalColumns)
        {
            var index = table.Column(name);
            var categories = table.Rows.Select(row => row[index]).Distinct().Order(StringComparer.Ordinal).ToArray();
            specs.Add(FeatureSpec.Nominal(name, categories));
            columns.Add(row => Array.IndexOf(categories, row[index]));
        }

        var sex = table.Column("personal_status_sex");
        var age = table.Column("age_years");
        var foreign = table.Column("foreign_worker");
        var label = table.Column("class");
        var groups = new Dictionary<string, string[]>
        {
            // A92 (divorced/separated/married) and A95 (single) are the codebook's female statuses.
            [SexGroup] = table.Rows.Select(row => row[sex] is "A92" or "A95" ? "female" : "male").ToArray(),
            [AgeGroup] = table.Rows.Select(row => AgeBands.Of((int)CsvTable.Number(row[age]))).ToArray(),
            [ForeignWorkerGroup] = table.Rows.Select(row => row[foreign] == "A201" ? "yes" : "no").ToArray(),
        };
        return new CreditDataset(
            specs,
            table.Rows.Select(row => columns.Select(column => column(row)).ToArray()).ToArray(),
            table.Rows.Select(row => CsvTable.Number(row[label]) == 2).ToArray(),
            groups);
    }
}
