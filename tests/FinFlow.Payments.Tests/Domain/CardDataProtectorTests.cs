using System.Security.Cryptography;
using FinFlow.Payments.CardData;
using Xunit;

namespace FinFlow.Payments.Tests.Domain;

public class CardDataProtectorTests
{
    private readonly CardDataProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Brand_and_last4_round_trip_for_their_own_payment()
    {
        var payment = Guid.NewGuid();
        var blob = _protector.Protect(payment, new CardSummary("visa", "4242"));
        Assert.Equal(new CardSummary("visa", "4242"), _protector.Unprotect(payment, blob));
        Assert.NotEqual(blob, _protector.Protect(payment, new CardSummary("visa", "4242"))); // fresh nonce each time
    }

    [Fact]
    public void A_blob_moved_to_another_payment_altered_or_read_with_another_key_does_not_decrypt()
    {
        var payment = Guid.NewGuid();
        var blob = _protector.Protect(payment, new CardSummary("visa", "4242"));
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(Guid.NewGuid(), blob));
        var altered = (byte[])blob.Clone();
        altered[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(payment, altered));
        Assert.ThrowsAny<CryptographicException>(() => new CardDataProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(payment, blob));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_missing_or_short_key_stops_the_start(string? configured) =>
        Assert.Throws<InvalidOperationException>(() => CardDataProtector.FromBase64(configured));
}
