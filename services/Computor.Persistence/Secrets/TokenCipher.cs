using System.Security.Cryptography;
using System.Text;

namespace Computor.Persistence.Secrets;

/// <summary>
/// Encrypts the git provider tokens organizations store (AES-256-GCM, key derived from
/// <c>COMPUTOR_TOKEN_SECRET</c>, as the Prefect era's <c>TOKEN_SECRET</c>), so a database dump alone does not
/// hand out write access to every course repository.
/// </summary>
public sealed class TokenCipher
{
    const string Version = "v1:";
    const int NonceBytes = 12;
    const int TagBytes = 16;
    readonly byte[]? key;

    public TokenCipher(string? secret) =>
        key = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool IsConfigured => key is not null;

    public string Encrypt(string token)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBox = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBox.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(), TagBytes);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceBytes + TagBytes), sealedBox.AsSpan(NonceBytes, TagBytes));
        return Version + Convert.ToBase64String(sealedBox);
    }

    public string Decrypt(string cipher)
    {
        try
        {
            if (!cipher.StartsWith(Version, StringComparison.Ordinal))
                throw new CryptographicException("unknown format");
            var sealedBox = Convert.FromBase64String(cipher[Version.Length..]);
            if (sealedBox.Length < NonceBytes + TagBytes)
                throw new CryptographicException("too short");
            var plain = new byte[sealedBox.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(Key(), TagBytes);
            aes.Decrypt(sealedBox.AsSpan(0, NonceBytes), sealedBox.AsSpan(NonceBytes + TagBytes), sealedBox.AsSpan(NonceBytes, TagBytes), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Never the cipher text or the key in the message: it reaches logs and task reasons.
            throw new TokenCipherException("a stored token cannot be decrypted: COMPUTOR_TOKEN_SECRET differs from the one it was stored with");
        }
    }

    byte[] Key() => key ?? throw new TokenCipherException(
        "COMPUTOR_TOKEN_SECRET is not set: it is needed to store and use organizations' git provider tokens");
}
