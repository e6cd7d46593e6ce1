namespace FinFlow.Contracts;

/// <summary>An event published between services; the type fixes the topic it travels on.</summary>
public interface IIntegrationEvent
{
    static abstract string Topic { get; }
}
