using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using FinFlow.Testing;

namespace FinFlow.Sidecar.Tests.Infrastructure;

/// <summary>
/// FinFlow.Sidecar.TestApp (a Dapr.AspNetCore subscriber) as its own process on a fixed loopback port, so a
/// test can kill it and start it again where the sidecar expects it. Disposing kills it.
/// </summary>
public sealed class SubscriberAppProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly AppProcess _app;

    private SubscriberAppProcess(AppProcess app) => _app = app;

    public int Port => _app.Port;

    public string Output => _app.Output;

    private static string AssemblyPath =>
        typeof(SubscriberAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestAppAssembly").Value!;

    public static async Task<SubscriberAppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment) =>
        new(await AppProcess.StartAsync(AssemblyPath, port, environment));

    public async Task<IReadOnlyList<ReceivedDelivery>> ReceivedAsync() =>
        await _app.Http.GetFromJsonAsync<List<ReceivedDelivery>>("received", Json) ?? [];

    public Task KillAsync() => _app.KillAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
