namespace Computor.Persistence.Secrets;

/// <summary>A stored token cannot be used; the message names the setting to fix and never the token.</summary>
public sealed class TokenCipherException(string message) : Exception(message);
