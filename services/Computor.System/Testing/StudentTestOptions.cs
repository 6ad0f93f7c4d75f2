using System.ComponentModel.DataAnnotations;

namespace Computor.System.Testing;

public sealed class StudentTestOptions
{
    public const string Section = "StudentTest";

    /// <summary>How long a test may wait for a runner before it fails; a deadline rush must fit in it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Ceiling on an assignment's own timeout, so no material can hold a runner for long.</summary>
    [Range(1, 86400)]
    public int MaxRunSeconds { get; set; } = 600;

    /// <summary>Added to the run timeout for workspace preparation and report upload.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RunGrace { get; set; } = TimeSpan.FromSeconds(60);
}
