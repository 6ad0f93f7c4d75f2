using System.Text.Json.Serialization;

namespace Computor.Persistence.Entities;

public sealed class User
{
    public Guid Id { get; set; }
    public required string Username { get; set; }
    public string? Email { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public bool IsAdmin { get; set; }
    /// <summary>Slow salted hash (see Computor.Api's Passwords); null: the user cannot log in with a password.</summary>
    [JsonIgnore]
    public string? PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
