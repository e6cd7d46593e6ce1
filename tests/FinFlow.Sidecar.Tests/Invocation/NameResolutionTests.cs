using System.Net;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>The name resolution file is re-read when the launcher changes it; a dead callee app is a 500.</summary>
[Collection(InvocationProcesses.Name)]
public sealed class NameResolutionTests(InvocationFixture fixture)
{
    [Fact]
    public async Task A_newly_listed_app_becomes_invocable_and_its_dead_app_gives_500_ERR_DIRECT_INVOKE()
    {
        using var http = fixture.CallerHttp();
        using (var before = await http.GetAsync("/v1.0/invoke/fragile/method/ping"))
        {
            await HttpErrorAsync(before, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE");
            Assert.Contains("fragile", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fixture.ListFragile();
        using (var listed = await http.GetAsync("/v1.0/invoke/fragile/method/ping"))
        {
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            Assert.Equal("fragile", (await EchoReply.ReadAsync(listed)).App);
        }

        await fixture.FragileApp.DisposeAsync();
        using var down = await http.GetAsync("/v1.0/invoke/fragile/method/ping");
        await HttpErrorAsync(down, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE");
    }
}
