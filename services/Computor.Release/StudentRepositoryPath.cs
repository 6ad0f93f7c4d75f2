using System.Text;

namespace Computor.Release;

/// <summary>
/// The path of a student's repository in the students group: the e-mail's local part, lower case, ASCII
/// (accents dropped), <c>_</c> and spaces as <c>-</c> (DOMAIN.md section 6).
/// </summary>
public static class StudentRepositoryPath
{
    public static string FromEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
            throw new ReleaseException($"'{email}' is not an e-mail address: a student repository is named after one");
        var path = new StringBuilder();
        foreach (var c in email[..at].Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
                path.Append(c);
            else if (c is '_' or ' ' or '+')
                path.Append('-');
            else if (c == 'ß')
                path.Append("ss");
        }
        var result = path.ToString().Trim('-', '.');
        return result.Length > 0
            ? result
            : throw new ReleaseException($"the e-mail '{email}' gives no usable repository name (no ASCII letters or digits before the @)");
    }
}
