namespace Computor.Material;

/// <summary>How a test compares its value: test.yaml's <c>qualification</c>.</summary>
public static class Qualifications
{
    public const string VerifyEqual = "verifyEqual";
    public const string Matches = "matches";
    public const string Contains = "contains";
    public const string StartsWith = "startsWith";
    public const string EndsWith = "endsWith";
    public const string Count = "count";
    public const string Regexp = "regexp";

    public static readonly IReadOnlyList<string> All = [VerifyEqual, Matches, Contains, StartsWith, EndsWith, Count, Regexp];
}
