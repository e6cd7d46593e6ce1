using FinFlow.Train;

var command = args.Length > 0 ? TrainingCommands.All.FirstOrDefault(candidate => candidate.Name == args[0]) : null;
if (command is null)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/FinFlow.Train -- <model> [options]");
    foreach (var known in TrainingCommands.All)
        Console.Error.WriteLine($"  {known.Usage}");
    return args.Length == 0 || args[0] is "--help" or "-h" ? 0 : 2;
}

try
{
    return command.Run(CommandArguments.Parse(args[1..], RepositoryRoot.Find()), Console.Out);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine($"usage: {command.Usage}");
    return 2;
}
