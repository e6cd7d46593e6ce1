using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Decisions;

/// <summary>
/// The audited fingerprint of a scoring input: SHA-256 (lower-case hex) of one line of JSON with the nine fields
/// of <see cref="BusinessFeatures"/> in a fixed order, <c>null</c> for a missing optional field, decimals without
/// trailing zeros (<c>120000</c>, not <c>120000.00</c>) and other numbers in their shortest round-trip form. The same
/// business therefore always hashes the same, whether it was scored directly or assessed from books, and an auditor
/// holding the input can recompute the hash without the service.
/// </summary>
public static class CanonicalInput
{
    public static string Text(BusinessFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var fields = new (string Name, string Value)[]
        {
            ("income", Number(features.Income)),
            ("numInvoices", Number(features.NumInvoices)),
            ("avgCashflow", Number(features.AvgCashflow)),
            ("delinquencies", Number(features.Delinquencies)),
            ("monthsInBusiness", Number(features.MonthsInBusiness)),
            ("revenueTrend", Number(features.RevenueTrend)),
            ("daysToPay", Number(features.DaysToPay)),
            ("cashflowVolatility", Number(features.CashflowVolatility)),
            ("daysCashOnHand", Number(features.DaysCashOnHand)),
        };
        return "{" + string.Join(",", fields.Select(field => $"\"{field.Name}\":{field.Value}")) + "}";
    }

    public static string Sha256(BusinessFeatures features) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(features))));

    // Dividing by 1.000…0 with 28 zeros drops a decimal's trailing zeros without changing its value.
    private static string Number(decimal? value) =>
        value is { } number ? (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "null";

    private static string Number(int? value) => value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Number(double? value) => value is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : "null";
}
