namespace Computor.Api.Auth;

/// <summary>The user a token authenticates, as the authentication handler keeps it between requests.</summary>
public sealed record TokenOwner(Guid Id, string Username, bool IsAdmin);
