using System.ComponentModel.DataAnnotations;

namespace Computor.Runner.Matlab;

/// <summary>Configuration section <c>Matlab</c>: which engine runs MATLAB-language code.</summary>
public sealed class MatlabOptions
{
    public const string Section = "Matlab";
    public const string Octave = "octave";
    public const string Matlab = "matlab";

    /// <summary><c>octave</c> (GNU Octave, the default) or <c>matlab</c> (needs <see cref="Command"/> and a licence).</summary>
    [RegularExpression("^(octave|matlab)$")] public string Engine { get; set; } = Octave;

    /// <summary>The program: <c>/usr/bin/octave-cli</c> by default; the <c>matlab</c> launcher for MATLAB.</summary>
    public string? Command { get; set; }

    /// <summary>MATLAB's licence (<c>MLM_LICENSE_FILE</c>: a file inside the sandbox's read-only /usr or a <c>port@server</c>).</summary>
    public string? LicenseFile { get; set; }

    public string Program => Command ?? (Engine == Octave ? "/usr/bin/octave-cli" : "matlab");
}
