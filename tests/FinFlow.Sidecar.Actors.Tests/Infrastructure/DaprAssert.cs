using System.Net;
using System.Text.Json;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests.Infrastructure;

/// <summary>Assertions on daprd-shaped HTTP errors.</summary>
public static class DaprAssert
{
    public static async Task HttpErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(errorCode, json.RootElement.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }
}
