using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>
/// The <c>Stripe-Signature</c> header scheme: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>,
/// keyed with the endpoint's whole <c>whsec_...</c> secret. Written here from the published scheme so the
/// webhook's verification (Stripe.net) checks an independent implementation.
/// </summary>
public static class StripeSignature
{
    public const string HeaderName = "Stripe-Signature";

    public static string Header(string payload, string secret, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
