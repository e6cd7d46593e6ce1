namespace FinFlow.Sidecar.PubSub;

/// <summary>What the component does with a message after the sidecar handled it.</summary>
public enum PubSubOutcome
{
    /// <summary>Done with it: delivered, dropped on purpose or dead-lettered. The broker may forget it.</summary>
    Ack,

    /// <summary>Not handled: the broker keeps it and redelivers by its own rules (Redis: after processingTimeout).</summary>
    Nack,
}
