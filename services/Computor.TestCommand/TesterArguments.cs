namespace Computor.TestCommand;

/// <summary>The tester's arguments: language, the verb <c>run</c>, <c>-T</c>, <c>-s</c>, <c>-t</c>.</summary>
public sealed record TesterArguments(string Language, string TestFile, string? Specification, string? StudentDirectory)
{
    public static TesterArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[1] != "run")
            return null;
        string? test = "test.yaml", specification = null, student = null;
        for (var i = 2; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
                return null;
            switch (args[i])
            {
                case "-T" or "--test":
                    test = args[++i];
                    break;
                case "-s" or "--specification":
                    specification = args[++i];
                    break;
                case "-t" or "--student":
                    student = args[++i];
                    break;
                default:
                    return null;
            }
        }
        return new TesterArguments(args[0], test, specification, student);
    }
}
