using System.Net.Mail;
using Computor.Persistence.Entities;

namespace Computor.Api.Release;

/// <summary>
/// A person to make a course member, as a deploy document, a CSV import or a student release names them;
/// <see cref="Where"/> says where, for error messages (<c>members[2]</c>, <c>line 4</c>).
/// </summary>
sealed record MemberEntry(string Where, Guid? UserId, string? Username, string? Email, string? GivenName, string? FamilyName, CourseRole Role)
{
    /// <summary>Why the entry cannot be used, or null. A student needs an e-mail: their repository is named after it.</summary>
    public string? Problem(bool needsEmail)
    {
        if (Email is { } email && !IsEmail(email))
            return $"{Where}: '{email}' is not an e-mail address";
        if (UserId is null && Username is null && Email is null)
            return $"{Where}: needs a user_id, a username or an e-mail address";
        if (Username is { } username && !Validation.IsPathSegment(username.ToLowerInvariant()))
            return $"{Where}: username '{username}' may hold lower-case letters, digits, '.', '_' or '-' only";
        if (needsEmail && Role == CourseRole.Student && UserId is null && Email is null)
            return $"{Where}: a student needs an e-mail address, which names their repository";
        return null;
    }

    /// <summary>The username to create: the given one, else the e-mail's local part made path-safe.</summary>
    public string NewUsername()
    {
        var name = (Username ?? Email![..Email!.IndexOf('@')]).ToLowerInvariant();
        return new string(name.Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray());
    }

    static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.IndexOf('@') > 0;

    public static bool TryRole(string? text, out CourseRole role)
    {
        role = CourseRole.Student;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
