namespace FinFlow.Contracts;

/// <summary>Component names are the same in every environment; only the YAML behind them differs.</summary>
public static class DaprComponents
{
    public const string StateStore = "statestore";
    public const string PubSub = "pubsub";
    public const string SecretStore = "secretstore";
}
