using LibGit2Sharp.Handlers;

namespace Computor.Git;

/// <summary>
/// A repository and the credential to reach it: from configuration (<see cref="GitCredentials.Remote"/>) or
/// from the organization that owns it (its GitLab token).
/// </summary>
public sealed record GitRemote(string Url, GitCredential? Credential)
{
    public CredentialsHandler? Handler => Credential is { } c
        ? (_, _, _) => new LibGit2Sharp.UsernamePasswordCredentials { Username = c.Username, Password = c.Password }
        : null;

    /// <summary>The message with the password blanked: git errors sometimes echo what they were given.</summary>
    public string Redact(string message) =>
        Credential is { Password.Length: > 0 } c ? message.Replace(c.Password, "***") : message;

    public string Describe() => GitCredentials.Describe(Url);

    /// <summary>Never the password: remotes end up in log scopes.</summary>
    public override string ToString() => Describe();
}
