using System.Text.RegularExpressions;
using Computor.Material;

namespace Computor.Runner.Evaluation;

/// <summary>The string qualifications: compare a value's text with the test's pattern.</summary>
public static class TextCheck
{
    public static Verdict Check(string label, string actual, string qualification, string pattern, int? countRequirement)
    {
        var quoted = ValueText.Of(pattern);
        return qualification switch
        {
            Qualifications.Matches or Qualifications.VerifyEqual => actual == pattern
                ? Verdict.Pass()
                : Verdict.Fail($"Variable `{label}` differs from expected: expected {quoted} actual {ValueText.Of(actual)}"),
            Qualifications.Contains => actual.Contains(pattern, StringComparison.Ordinal)
                ? Verdict.Pass()
                : Verdict.Fail($"Variable `{label}` does not contain {quoted}"),
            Qualifications.StartsWith => actual.StartsWith(pattern, StringComparison.Ordinal)
                ? Verdict.Pass()
                : Verdict.Fail($"Variable `{label}` does not start with {quoted}"),
            Qualifications.EndsWith => actual.EndsWith(pattern, StringComparison.Ordinal)
                ? Verdict.Pass()
                : Verdict.Fail($"Variable `{label}` does not end with {quoted}"),
            Qualifications.Count => Count(label, actual, pattern, countRequirement),
            Qualifications.Regexp => Regexp(label, actual, pattern),
            _ => Verdict.Fail($"unknown qualification '{qualification}'"),
        };
    }

    static Verdict Count(string label, string actual, string pattern, int? requirement)
    {
        if (requirement is null)
            return Verdict.Fail($"test `{label}`: qualification count needs countRequirement");
        var found = pattern.Length == 0 ? actual.Length + 1 : Regex.Matches(actual, Regex.Escape(pattern)).Count;
        return found == requirement
            ? Verdict.Pass()
            : Verdict.Fail($"Variable `{label}` contains {ValueText.Of(pattern)} {found} times, expected {requirement}");
    }

    static Verdict Regexp(string label, string actual, string pattern)
    {
        try
        {
            return Regex.IsMatch(actual, pattern, RegexOptions.None, TimeSpan.FromSeconds(1))
                ? Verdict.Pass()
                : Verdict.Fail($"Variable `{label}` does not match the regular expression {ValueText.Of(pattern)}");
        }
        catch (ArgumentException e)
        {
            return Verdict.Fail($"test `{label}`: invalid regular expression {ValueText.Of(pattern)}: {e.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            return Verdict.Fail($"test `{label}`: the regular expression took too long to match");
        }
    }
}
