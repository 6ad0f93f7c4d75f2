using Computor.Contracts.Testing;
using Computor.Material;

namespace Computor.Runner.Execution;

/// <summary>One run of a suite: test.yaml, where the code is, and the course's limits if any.</summary>
public sealed record SuiteRequest
{
    public required string TestFile { get; init; }
    public required RunSpecification Specification { get; init; }
    public TestLimits? CourseLimits { get; init; }

    /// <summary>
    /// Names an immutable reference (repository, commit, directory) so its runs can be reused; null
    /// when the reference may change between runs (a lecturer's working copy).
    /// </summary>
    public string? ReferenceKey { get; init; }
}
