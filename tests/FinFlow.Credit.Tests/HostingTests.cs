using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Credit.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Credit.Tests;

/// <summary>Readiness follows the model, and the OpenAPI document lists every route.</summary>
[Collection(PlatformSuite.Name)]
public class HostingTests(CreditPlatform platform)
{
    [Fact]
    public async Task Ready_with_the_shipped_model_and_not_ready_without_one()
    {
        var ready = await Api.OkAsync(await platform.Client(null).GetAsync("/readyz"));
        var model = ready.GetProperty("checks").GetProperty("credit-model");
        Assert.Equal("Healthy", model.GetProperty("status").GetString());
        Assert.Contains("credit-v1", model.GetProperty("description").GetString(), StringComparison.Ordinal);

        var empty = Directory.CreateTempSubdirectory("finflow-credit-no-models");
        try
        {
            var settings = new Dictionary<string, string?>(platform.Settings) { ["Credit:ModelDirectory"] = empty.FullName };
            await using var factory = platform.Start(settings);
            var response = await platform.Client(factory, null).GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
            Assert.Equal("Unhealthy", checks.GetProperty("credit-model").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
            await Api.ProblemAsync(await platform.Client(factory, Guid.NewGuid()).PostAsJsonAsync("/credit/score", ScoreApiTests.Middling), HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.OK, (await platform.Client(factory, null).GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route()
    {
        var document = await Api.OkAsync(await platform.Client(null).GetAsync("/swagger/v1/swagger.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Subset(paths.ToHashSet(), new HashSet<string> { "/credit/score", "/credit/assess", "/credit/offers", "/credit/decisions" });
    }
}
