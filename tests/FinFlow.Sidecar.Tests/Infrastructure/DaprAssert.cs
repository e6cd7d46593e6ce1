using System.Net;
using System.Text.Json;
using Dapr;
using Grpc.Core;
using Xunit;

namespace FinFlow.Sidecar.Tests.Infrastructure;

/// <summary>Assertions on daprd-shaped errors, for both transports.</summary>
public static class DaprAssert
{
    /// <summary>The gRPC status under a DaprException (the SDK wraps every RpcException in one).</summary>
    public static async Task<RpcException> GrpcStatusAsync(StatusCode expected, Func<Task> call)
    {
        var error = await Record.ExceptionAsync(call);
        var rpc = error as RpcException ?? error?.InnerException as RpcException;
        Assert.True(rpc is not null, $"expected an RpcException with {expected}, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.Equal(expected, rpc.StatusCode);
        if (error is not null && error is not RpcException) Assert.IsType<DaprException>(error, exactMatch: false);
        return rpc;
    }

    /// <summary>An HTTP error with daprd's status and <c>errorCode</c>.</summary>
    public static async Task HttpErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(errorCode, json.RootElement.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }

    /// <summary>Polls until the condition holds (for TTL expiry and background work).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }

        Assert.Fail($"timed out after {timeout}: {because}");
    }
}
