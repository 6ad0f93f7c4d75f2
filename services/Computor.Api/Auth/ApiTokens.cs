using System.Security.Cryptography;
using System.Text;

namespace Computor.Api.Auth;

/// <summary>
/// API tokens are 32 random bytes; only their SHA-256 is stored. A fast hash is enough for secrets with
/// this much entropy and keeps the per-request lookup a single indexed query.
/// </summary>
static class ApiTokens
{
    public const string ApiTokenPrefix = "ctp_";
    public const string AccessTokenPrefix = "cta_";
    public const string RefreshTokenPrefix = "ctr_";

    /// <summary>A new token; the prefix tells API tokens from a login's access and refresh tokens.</summary>
    public static string Generate(string prefix = ApiTokenPrefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool SameToken(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(presented)), Encoding.UTF8.GetBytes(Hash(expected)));
}
