using Computor.Material;
using Computor.Runner.Sandboxing;

namespace Computor.Runner.Execution;

/// <summary>A language a runner executes (Python, the MATLAB language): runs one side of a suite.</summary>
public interface ILanguageEngine
{
    /// <summary>The language argument of the command line (<c>python</c>, <c>octave</c>).</summary>
    string Language { get; }

    /// <summary>Values of test.yaml's <c>type</c> this engine runs (<c>python</c>; <c>octave</c>, <c>matlab</c>).</summary>
    IReadOnlyList<string> SuiteTypes { get; }

    /// <summary>successDependency indices start here: 0 in Python, 1 in MATLAB.</summary>
    int FirstIndex { get; }

    /// <summary>The script a collection runs when test.yaml names none.</summary>
    string? DefaultEntry(string directory, AssignmentMeta meta);

    Task<SideRun> Execute(SidePlan plan, SandboxLimits limits, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="InvalidOperationException"/> saying how to install the language when it is missing.</summary>
    void Check();
}
