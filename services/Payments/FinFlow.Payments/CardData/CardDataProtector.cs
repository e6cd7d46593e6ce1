using System.Security.Cryptography;
using System.Text.Json;

namespace FinFlow.Payments.CardData;

/// <summary>
/// Encrypts card brand and last4 at rest with AES-256-GCM. Layout: version byte, 12-byte nonce, 16-byte tag,
/// ciphertext. The payment id is the associated data, so a blob copied onto another payment's row does not
/// decrypt. The version byte leaves room for key rotation.
/// </summary>
public sealed class CardDataProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public CardDataProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32) throw new ArgumentException("The card-data key must be 32 bytes (AES-256).", nameof(key));
        _key = key;
    }

    /// <summary>Reads the base64 key from configuration, refusing to start without a usable one.</summary>
    public static CardDataProtector FromBase64(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException("No card-data key: set secret 'payments-card-key' (configuration 'Payments:CardDataKey') to base64 of 32 random bytes.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("'Payments:CardDataKey' is not base64.", e);
        }

        return key.Length == 32
            ? new CardDataProtector(key)
            : throw new InvalidOperationException($"'Payments:CardDataKey' must decode to 32 bytes, not {key.Length}.");
    }

    public byte[] Protect(Guid paymentId, CardSummary card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(card, JsonSerializerOptions.Web);
        var blob = new byte[1 + NonceSize + TagSize + plaintext.Length];
        blob[0] = Version;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), paymentId.ToByteArray());
        return blob;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the blob was altered, moved or made with another key.</summary>
    public CardSummary Unprotect(Guid paymentId, byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length < 1 + NonceSize + TagSize || blob[0] != Version) throw new CryptographicException("Unknown card-data format.");
        var plaintext = new byte[blob.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plaintext, paymentId.ToByteArray());
        return JsonSerializer.Deserialize<CardSummary>(plaintext, JsonSerializerOptions.Web)
            ?? throw new CryptographicException("Empty card data.");
    }
}
