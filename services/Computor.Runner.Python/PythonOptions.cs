using System.ComponentModel.DataAnnotations;

namespace Computor.Runner.Python;

/// <summary>Configuration section <c>Python</c>.</summary>
public sealed class PythonOptions
{
    public const string Section = "Python";

    /// <summary>
    /// The interpreter, named explicitly: the first python3 on PATH may be a slow shim without the
    /// libraries courses use (numpy, matplotlib).
    /// </summary>
    [Required] public string Interpreter { get; set; } = "/usr/bin/python3";
}
