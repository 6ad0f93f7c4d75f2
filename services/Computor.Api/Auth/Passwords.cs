using System.Security.Cryptography;
using System.Text;

namespace Computor.Api.Auth;

/// <summary>
/// Passwords as PBKDF2-HMAC-SHA256 with a random salt and 600,000 iterations (OWASP's figure), stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> so the cost can be raised without breaking stored hashes.
/// Built into .NET: no native dependency for a memory-hard hash on every machine the API runs on.
/// </summary>
static class Passwords
{
    const string Scheme = "pbkdf2-sha256";
    const int Iterations = 600_000;
    const int SaltBytes = 16;
    const int HashBytes = 32;
    public const int MinLength = 8;
    public const int MaxLength = 256;

    /// <summary>Compared against when the user does not exist, so an unknown name takes as long as a wrong password.</summary>
    static readonly string Decoy = Hash("decoy password that matches nothing");

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? Decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1)
            return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }

    /// <summary>Why a new password is refused, or null.</summary>
    public static string? Problem(string? password) => password switch
    {
        null => "is required",
        { Length: < MinLength } => $"must have at least {MinLength} characters",
        { Length: > MaxLength } => $"must have at most {MaxLength} characters",
        _ => null,
    };
}
