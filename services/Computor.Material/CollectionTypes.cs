namespace Computor.Material;

/// <summary>Kinds of test collection in test.yaml (<c>type</c>).</summary>
public static class CollectionTypes
{
    public const string Variable = "variable";
    public const string Stdout = "stdout";
    public const string Structural = "structural";
    public const string Exist = "exist";
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Linting = "linting";
    public const string Graphics = "graphics";

    /// <summary>The help text (docstring) of a function, class or module the student wrote.</summary>
    public const string Help = "help";

    public static readonly IReadOnlyList<string> All = [Variable, Stdout, Structural, Exist, Error, Warning, Linting, Graphics, Help];
}
