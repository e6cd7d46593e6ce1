using CsCheck;

namespace FinFlow.Accounting.Tests.Properties;

/// <summary>
/// A random history of one user's books: invoices, payments (each delivered once, several times, or
/// re-published under a new event id), partial refunds and manual entries, delivered in a shuffled order.
/// Amounts are USD minor units.
/// </summary>
public sealed record LedgerScenario(
    long[] Invoices,
    (int Invoice, long Amount, long Fee, int Deliveries, bool Republished)[] Payments,
    (int Payment, int Percent)[] Refunds,
    (string Debit, string Credit, long Amount)[] ManualEntries,
    int ShuffleSeed)
{
    private static readonly string[] ManualAccounts = ["1000", "6100", "4000", "2100"];

    public static Gen<LedgerScenario> Generator { get; } =
        from invoices in Gen.Long[1, 100_000].Array[1, 4]
        from payments in Gen.Select(
                Gen.Int[0, 3], Gen.Long[1, 60_000], Gen.Int[0, 100], Gen.Int[1, 3], Gen.Bool,
                (invoice, amount, feePerMille, deliveries, republished) =>
                    (Invoice: invoice % invoices.Length, Amount: amount, Fee: amount * feePerMille / 1000, Deliveries: deliveries, Republished: republished))
            .Array[0, 8]
        // At most three refunds of at most a third each: never more than the payment.
        from refunds in Gen.Select(Gen.Int[0, 7], Gen.Int[1, 33], (payment, percent) => (payment, percent)).Array[0, 3]
        from manual in Gen.Select(
                Gen.Int[0, 3], Gen.Int[1, 3], Gen.Long[1, 50_000],
                (debit, offset, amount) => (Debit: ManualAccounts[debit], Credit: ManualAccounts[(debit + offset) % 4], Amount: amount))
            .Array[0, 3]
        from seed in Gen.Int
        select new LedgerScenario(
            invoices,
            payments,
            payments.Length == 0 ? [] : refunds.Select(r => (r.payment % payments.Length, r.percent)).ToArray(),
            manual,
            seed);

    public override string ToString() =>
        $"invoices [{string.Join(", ", Invoices)}], payments [{string.Join(", ", Payments)}], refunds [{string.Join(", ", Refunds)}], " +
        $"manual [{string.Join(", ", ManualEntries)}], seed {ShuffleSeed}";
}
