// The specs start Linux servers from deploy/local and rely on Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
