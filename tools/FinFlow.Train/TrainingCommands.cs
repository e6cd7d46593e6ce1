namespace FinFlow.Train;

/// <summary>The registry of model families; adding one is adding a line here.</summary>
public static class TrainingCommands
{
    public static IReadOnlyList<ITrainingCommand> All { get; } =
    [
        new CreditTrainingCommand(),
        new AnalyticsTrainingCommand(),
    ];
}
