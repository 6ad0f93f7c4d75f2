namespace Computor.Api.Auth;

public sealed class AuthOptions
{
    /// <summary>
    /// Bootstrap admin token (<c>COMPUTOR_ADMIN_TOKEN</c>): lets an operator create the first users and tokens.
    /// Empty disables it.
    /// </summary>
    public string? AdminToken { get; set; }
}
