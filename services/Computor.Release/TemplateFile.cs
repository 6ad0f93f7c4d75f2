namespace Computor.Release;

/// <summary>A file of the student template: its path inside the template repository and its content.</summary>
public sealed record TemplateFile(string Path, byte[] Content);
