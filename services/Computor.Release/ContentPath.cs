using System.Text;
using System.Text.RegularExpressions;

namespace Computor.Release;

/// <summary>
/// A course content's path and position from its directory: each segment's <c>NN_</c> prefix is its
/// position among its siblings and is dropped from the path (<c>01_basics/02_hello</c> is
/// <c>basics.hello</c> at position 2); segments become lower case with anything but letters, digits,
/// <c>_</c> and <c>-</c> turned into <c>_</c>. A segment without a prefix has position 0.
/// </summary>
public static partial class ContentPath
{
    [GeneratedRegex(@"^(\d+)[_-](.+)$")]
    private static partial Regex Numbered();

    public static (string Path, int Position) Of(string directory)
    {
        var segments = directory.Trim('/').Split('/');
        var position = 0;
        var path = new List<string>();
        foreach (var segment in segments)
        {
            var (name, number) = Numbered().Match(segment) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n)
                ? (m.Groups[2].Value, n)
                : (segment, 0);
            path.Add(Slug(name, directory));
            position = number;
        }
        return (string.Join('.', path), position);
    }

    /// <summary>The directory's last segment without its number, as people read it: <c>02_hello_world</c> is "hello world".</summary>
    public static string Title(string directory)
    {
        var last = directory.Trim('/').Split('/')[^1];
        var name = Numbered().Match(last) is { Success: true } m ? m.Groups[2].Value : last;
        return name.Replace('_', ' ').Replace('-', ' ').Trim();
    }

    static string Slug(string name, string directory)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
            slug.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' ? c : '_');
        return slug.ToString().Trim('_') is { Length: > 0 } s
            ? s
            : throw new ReleaseException($"the directory '{directory}' gives no usable course content path");
    }
}
