// Runners use bubblewrap, uids and Unix file modes: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
