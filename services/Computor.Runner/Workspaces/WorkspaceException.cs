namespace Computor.Runner.Workspaces;

/// <summary>The code to test could not be fetched or laid out; the message is shown as the run's reason.</summary>
public sealed class WorkspaceException(string message) : Exception(message);
