[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: Parallelizable(ParallelScope.Fixtures)]
