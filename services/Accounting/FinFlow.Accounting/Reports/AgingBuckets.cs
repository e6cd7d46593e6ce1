namespace FinFlow.Accounting.Reports;

/// <summary>
/// Open receivables of one currency by days past due on <c>asOf</c>: <c>current</c> is not yet due, the
/// rest count days since the due date (due today = 0).
/// </summary>
public sealed record AgingBuckets(
    string Currency, decimal Current, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Days90Plus, decimal Total, int OpenInvoices);
