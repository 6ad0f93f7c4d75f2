using System.Text;

namespace Computor.Release;

/// <summary>
/// The path of a student's repository in the students group: the e-mail's local part, lower case, ASCII
/// (accents dropped), <c>_</c> and spaces as <c>-</c> (DOMAIN.md section 6).
/// </summary>
public static class StudentRepositoryPath
{
    // The services run with invariant globalization, where string normalisation cannot strip accents.
    static readonly Dictionary<char, string> Latin = new[]
    {
        ("àáâãäåā", "a"), ("æ", "ae"), ("çćč", "c"), ("ďđ", "d"), ("èéêëēęě", "e"), ("ìíîïī", "i"), ("ł", "l"), ("ñńň", "n"),
        ("òóôõöøō", "o"), ("œ", "oe"), ("řŕ", "r"), ("śšş", "s"), ("ß", "ss"), ("ťţ", "t"), ("ùúûüūů", "u"), ("ýÿ", "y"), ("źżž", "z"),
    }.SelectMany(p => p.Item1.Select(c => (c, p.Item2))).ToDictionary(p => p.c, p => p.Item2);

    public static string FromEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
            throw new ReleaseException($"'{email}' is not an e-mail address: a student repository is named after one");
        var path = new StringBuilder();
        foreach (var c in email[..at].ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
                path.Append(c);
            else if (c is '_' or ' ' or '+')
                path.Append('-');
            else if (Latin.TryGetValue(c, out var ascii))
                path.Append(ascii);
        }
        var result = path.ToString().Trim('-', '.');
        return result.Length > 0
            ? result
            : throw new ReleaseException($"the e-mail '{email}' gives no usable repository name (no ASCII letters or digits before the @)");
    }
}
