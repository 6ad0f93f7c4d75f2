namespace Computor.Release;

/// <summary>A release step that could not be done; the message says which and why, without credentials.</summary>
public sealed class ReleaseException(string message) : Exception(message);
