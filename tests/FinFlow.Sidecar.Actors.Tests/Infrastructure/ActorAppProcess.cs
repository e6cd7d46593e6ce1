using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Testing;

namespace FinFlow.Sidecar.Actors.Tests.Infrastructure;

/// <summary>FinFlow.Sidecar.ActorApp (official Dapr.Actors.AspNetCore) as its own process on a fixed loopback port. Disposing kills it.</summary>
public sealed class ActorAppProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly AppProcess _app;

    private ActorAppProcess(AppProcess app) => _app = app;

    public int Port => _app.Port;

    public string Output => _app.Output;

    private static string AssemblyPath =>
        typeof(ActorAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ActorAppAssembly").Value!;

    /// <summary>Ready once the actor runtime answers /dapr/config, which is what the sidecar reads first.</summary>
    public static async Task<ActorAppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment) =>
        new(await AppProcess.StartAsync(AssemblyPath, port, environment, readinessPath: "dapr/config"));

    public async Task<IReadOnlyList<ActorEvent>> EventsAsync(string actorId) =>
        await _app.Http.GetFromJsonAsync<List<ActorEvent>>($"events?actorId={Uri.EscapeDataString(actorId)}", Json) ?? [];

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
