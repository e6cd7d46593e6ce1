namespace FinFlow.Auth.Keys;

/// <summary>The JSON shape of the <c>auth-signing-keys</c> secret.</summary>
public sealed record SigningKeysDocument(SigningKeysDocument.Entry? Current, IReadOnlyList<SigningKeysDocument.Entry>? Previous)
{
    /// <summary>A key id (optional: the RFC 7638 thumbprint otherwise) and a PEM key (PKCS#8, SEC1 or, for previous keys, SPKI).</summary>
    public sealed record Entry(string? Kid, string? Pem);
}
