using System.Text;
using Computor.Persistence.Entities;

namespace Computor.Api.Release;

/// <summary>
/// A member list as CSV with a header row: <c>email</c> (also <c>e-mail</c>, <c>mail</c>), <c>username</c>,
/// <c>given_name</c> (<c>first_name</c>, <c>vorname</c>), <c>family_name</c> (<c>last_name</c>, <c>nachname</c>)
/// and <c>role</c>, in any order; comma or semicolon separated (spreadsheets write either); quotes as RFC 4180.
/// </summary>
static class MemberCsv
{
    static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "email", ["e-mail"] = "email", ["mail"] = "email", ["e-mail-adresse"] = "email",
        ["username"] = "username", ["user"] = "username", ["login"] = "username",
        ["given_name"] = "given_name", ["first_name"] = "given_name", ["firstname"] = "given_name", ["vorname"] = "given_name",
        ["family_name"] = "family_name", ["last_name"] = "family_name", ["lastname"] = "family_name", ["nachname"] = "family_name",
        ["role"] = "role", ["course_role"] = "role",
    };

    public const int MaxRows = 5000;

    public sealed record Parsed(IReadOnlyList<MemberEntry> Entries, IReadOnlyList<string> Problems);

    public static Parsed Parse(string text)
    {
        var header = text.TrimStart('\uFEFF').Split('\n').FirstOrDefault(l => l.Trim().Length > 0);
        if (header is null)
            return new Parsed([], ["the CSV is empty: it needs a header row and one row per member"]);
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        var rows = Rows(text.TrimStart('\uFEFF'), separator).SkipWhile(r => r.Fields.All(f => f.Trim().Length == 0)).ToList();
        var names = rows[0].Fields.Select(f => Columns.GetValueOrDefault(f.Trim())).ToList();
        if (!names.Contains("email") && !names.Contains("username"))
            return new Parsed([], [$"line {rows[0].Line}: the header needs an email or a username column; found {string.Join(", ", rows[0].Fields)}"]);
        if (rows.Count - 1 > MaxRows)
            return new Parsed([], [$"at most {MaxRows} members per import"]);

        var entries = new List<MemberEntry>();
        var problems = new List<string>();
        foreach (var (fields, line) in rows.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0)))
        {
            string? Field(string name) => names.IndexOf(name) is var i and >= 0 && i < fields.Count && fields[i].Trim() is { Length: > 0 } v ? v : null;
            if (fields.Count > names.Count)
                problems.Add($"line {line}: {fields.Count} fields, the header has {names.Count}");
            else if (!MemberEntry.TryRole(Field("role"), out var role))
                problems.Add($"line {line}: unknown role '{Field("role")}'; one of {string.Join(", ", Enum.GetNames<CourseRole>().Select(n => n.ToLowerInvariant()))}");
            else
                entries.Add(new MemberEntry($"line {line}", null, Field("username"), Field("email"), Field("given_name"), Field("family_name"), role));
        }
        return new Parsed(entries, problems);
    }

    /// <summary>Fields per record with the line it starts on; a quoted field may hold separators, quotes ("") and line breaks.</summary>
    static IEnumerable<(List<string> Fields, int Line)> Rows(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted) = (1, 1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
                quoted = true;
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return (fields, start);
                fields = [];
                start = ++line;
            }
            else if (c != '\r')
                field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (fields, start);
        }
    }
}
