using System.Globalization;
using System.Text.Json;

namespace FinFlow.Benchmarks;

/// <summary>
/// After the load, the books of a few users through <c>GET /api/accounting/trial-balance</c>: debits equal credits,
/// 1100 Accounts Receivable holds exactly what the benchmark left unpaid (0 when every loop reached PAID), and
/// 1000 Cash + 6100 Processor Fees hold exactly what was paid. Fast loops that corrupt the ledger would show here.
/// </summary>
public sealed record MoneyLedgerCheck(int UsersChecked, int Balanced, int ReceivableAsExpected, int CashAsExpected, IReadOnlyList<string> Problems)
{
    public const int UsersToCheck = 3;

    public bool Ok => Problems.Count == 0;

    public static async Task<MoneyLedgerCheck> RunAsync(MoneyClient client, MoneyLoop loop, CancellationToken ct)
    {
        var c = CultureInfo.InvariantCulture;
        var users = Math.Min(UsersToCheck, loop.Users);
        int balanced = 0, receivable = 0, cash = 0;
        var problems = new List<string>();
        for (var worker = 0; worker < users; worker++)
        {
            var books = await client.TrialBalanceAsync(loop.AccessTokens[worker], ct);
            var totalDebit = books.GetProperty("totalDebit").GetDecimal();
            var totalCredit = books.GetProperty("totalCredit").GetDecimal();
            if (totalDebit == totalCredit) balanced++;
            else problems.Add(string.Create(c, $"user {worker}: totalDebit {totalDebit:0.00} ≠ totalCredit {totalCredit:0.00}"));

            var owed = NetDebit(books, "1100");
            var expectedOwed = loop.UnpaidInvoices(worker) * MoneyLoop.InvoiceAmount;
            if (owed == expectedOwed) receivable++;
            else problems.Add(string.Create(c, $"user {worker}: 1100 Accounts Receivable {owed:0.00}, expected {expectedOwed:0.00} ({loop.UnpaidInvoices(worker)} invoices left unpaid)"));

            var received = NetDebit(books, "1000") + NetDebit(books, "6100");
            var expectedReceived = loop.PaidInvoices(worker) * MoneyLoop.InvoiceAmount;
            if (received == expectedReceived) cash++;
            else problems.Add(string.Create(c, $"user {worker}: 1000 Cash + 6100 Fees {received:0.00}, expected {expectedReceived:0.00} ({loop.PaidInvoices(worker)} invoices paid)"));
        }

        return new MoneyLedgerCheck(users, balanced, receivable, cash, problems);
    }

    public string Summary(int allUsers) => string.Create(CultureInfo.InvariantCulture,
        $"Trial balance of {UsersChecked} of {allUsers} users: totalDebit = totalCredit {Balanced}/{UsersChecked}; 1100 Accounts Receivable = unpaid invoices (0 when all paid) {ReceivableAsExpected}/{UsersChecked}; 1000 Cash + 6100 Fees = paid invoices × {MoneyLoop.InvoiceAmount:0.00} {CashAsExpected}/{UsersChecked} -> {(Ok ? "OK" : "FAILED")}");

    /// <summary>An account's balance on the debit side (the report puts a net balance in one column); 0 when absent.</summary>
    private static decimal NetDebit(JsonElement books, string code)
    {
        foreach (var account in books.GetProperty("accounts").EnumerateArray())
        {
            if (account.GetProperty("code").GetString() == code) return account.GetProperty("debit").GetDecimal() - account.GetProperty("credit").GetDecimal();
        }

        return 0m;
    }
}
