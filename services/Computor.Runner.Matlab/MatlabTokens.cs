using System.Text.RegularExpressions;

namespace Computor.Runner.Matlab;

/// <summary>
/// Token counts of a MATLAB-language file for structural tests, keyed as the Python engine keys them
/// (<c>NAME for</c>, <c>NUMBER 3</c>, <c>OP +</c>, <c>STRING 'x'</c>); comments do not count. Read on the
/// runner's side: no code runs.
/// </summary>
public static partial class MatlabTokens
{
    [GeneratedRegex("""(?<comment>%\{[\s\S]*?%\}|%[^\n]*|\.\.\.[^\n]*)|(?<string>"(?:[^"\n]|"")*"|(?<=^|[\s=(,;\[{])'(?:[^'\n]|'')*')|(?<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ij]?)|(?<name>[A-Za-z_]\w*)|(?<op>\.\*|\./|\.\^|\.'|==|~=|<=|>=|&&|\|\||[-+*/\\^'<>=&|~!(),;:\[\]{}.@])""", RegexOptions.Multiline)]
    private static partial Regex Token();

    public static Dictionary<string, int> Count(string source)
    {
        var counts = new Dictionary<string, int>();
        foreach (Match match in Token().Matches(source))
        {
            var type = match.Groups["string"].Success ? "STRING" : match.Groups["number"].Success ? "NUMBER"
                : match.Groups["name"].Success ? "NAME" : match.Groups["op"].Success ? "OP" : null;
            if (type is null)
                continue;
            var key = $"{type} {match.Value}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
