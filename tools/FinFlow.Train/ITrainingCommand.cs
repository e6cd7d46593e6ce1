namespace FinFlow.Train;

/// <summary>
/// One model family the train tool can build (<c>train credit</c>; <c>train analytics</c> can be added as another
/// implementation registered in <see cref="TrainingCommands"/>). Paths in arguments are relative to the repository root.
/// </summary>
public interface ITrainingCommand
{
    /// <summary>The word after <c>train</c>.</summary>
    string Name { get; }

    /// <summary>One line for the help text, options included.</summary>
    string Usage { get; }

    /// <returns>The process exit code.</returns>
    int Run(CommandArguments arguments, TextWriter output);
}
