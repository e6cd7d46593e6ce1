namespace FinFlow.Credit.Scoring.Data;

/// <summary>Reads taiwan_default_credit_card_clients.csv (UCI "Default of Credit Card Clients", Yeh &amp; Lien 2009).</summary>
public static class TaiwanCreditFile
{
    public const string FileName = "taiwan_default_credit_card_clients.csv";

    // PAY_1 does not exist in the published file: the most recent status column is PAY_0.
    private static readonly string[] StatusColumns = ["PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"];

    public static IReadOnlyList<TaiwanClient> Load(string path)
    {
        var table = CsvTable.Read(path);
        var limit = table.Column("LIMIT_BAL");
        var sex = table.Column("SEX");
        var education = table.Column("EDUCATION");
        var marriage = table.Column("MARRIAGE");
        var age = table.Column("AGE");
        var label = table.Column("default.payment.next.month");
        var status = StatusColumns.Select(table.Column).ToArray();
        var bills = Enumerable.Range(1, 6).Select(month => table.Column($"BILL_AMT{month}")).ToArray();
        var payments = Enumerable.Range(1, 6).Select(month => table.Column($"PAY_AMT{month}")).ToArray();

        return table.Rows
            .Select(row => new TaiwanClient(
                CsvTable.Number(row[limit]),
                (int)CsvTable.Number(row[sex]),
                (int)CsvTable.Number(row[education]),
                (int)CsvTable.Number(row[marriage]),
                (int)CsvTable.Number(row[age]),
                status.Select(column => (int)CsvTable.Number(row[column])).ToArray(),
                bills.Select(column => CsvTable.Number(row[column])).ToArray(),
                payments.Select(column => CsvTable.Number(row[column])).ToArray(),
                CsvTable.Number(row[label]) == 1))
            .ToList();
    }
}
