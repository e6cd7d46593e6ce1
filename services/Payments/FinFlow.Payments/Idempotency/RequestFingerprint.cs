using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinFlow.Payments.Charges;

namespace FinFlow.Payments.Idempotency;

/// <summary>
/// SHA-256 of the charge as understood, not of the raw bytes: <c>10.5</c> and <c>10.50</c>, or reordered
/// JSON members, are the same request; a different invoice, amount, currency or source is not.
/// </summary>
public static class RequestFingerprint
{
    public static byte[] Of(ChargeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"charge.v1|{command.InvoiceId:N}|{command.Amount.MinorUnits}|{command.Amount.Currency.Code}|{command.Source}");
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }
}
