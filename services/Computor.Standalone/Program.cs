using Computor.Standalone;

// computor [run|serve]: see the README. run tours the sample course on a fresh embedded system and exits;
// serve keeps the system (and its data directory) for manual use.
var mode = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "run";
return mode switch
{
    "run" => await StandaloneCommands.Run(),
    "serve" => await StandaloneCommands.Serve(args.Where(a => a != "serve").ToArray()),
    _ => StandaloneCommands.Usage(mode),
};
