namespace FinFlow.Sidecar.Hosting;

/// <summary>A command line daprd would refuse; the message is printed as is.</summary>
public sealed class CommandLineException(string message) : Exception(message);
