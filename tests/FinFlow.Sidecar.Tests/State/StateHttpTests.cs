using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>
/// The HTTP state API (contract §2.1, §2.3, §2.5), with daprd's statuses and error codes. Extends the
/// gRPC checklist so one derived class per store runs both.
/// </summary>
public abstract class StateHttpTests<TFixture>(TFixture fixture) : StateConformanceTests<TFixture>(fixture)
    where TFixture : StateSidecarFixture
{
    private HttpClient Http => Fixture.Http;

    [Fact]
    public async Task Http_save_get_and_delete_with_etag_headers()
    {
        var key = NewKey("http");
        using (var saved = await PostAsync($"/v1.0/state/{Store}", $$$"""[{"key":"{{{key}}}","value":{"a":1,"b":[true,null]}}]"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        using var get = await Http.GetAsync($"/v1.0/state/{Store}/{key}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("""{"a":1,"b":[true,null]}""", await get.Content.ReadAsStringAsync());
        Assert.Equal("application/json", get.Content.Headers.ContentType?.MediaType);
        var etag = Assert.Single(get.Headers.GetValues("ETag"));
        Assert.False(get.Headers.Contains("metadata.ttlExpireTime"));

        // The gRPC client reads exactly what HTTP wrote.
        Assert.Equal(1, (await Client.GetStateAsync<JsonElement>(Store, key)).GetProperty("a").GetInt32());

        using (var wrongDelete = await DeleteAsync(key, Fixture.BadETag))
        {
            await HttpErrorAsync(wrongDelete, HttpStatusCode.Conflict, "ERR_STATE_DELETE");
        }

        using (var wrongSave = await PostAsync($"/v1.0/state/{Store}", $$$"""[{"key":"{{{key}}}","value":2,"etag":"{{{Fixture.BadETag}}}"}]"""))
        {
            await HttpErrorAsync(wrongSave, HttpStatusCode.Conflict, "ERR_STATE_SAVE");
        }

        using (var delete = await DeleteAsync(key, etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var missing = await Http.GetAsync($"/v1.0/state/{Store}/{key}");
        Assert.Equal(HttpStatusCode.NoContent, missing.StatusCode);
        Assert.False(missing.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task Http_bulk_get_returns_data_not_value_and_omits_missing_data()
    {
        var present = NewKey("http-bulk");
        var absent = NewKey("http-bulk-missing");
        await Client.SaveStateAsync(Store, present, new { name = "x" });
        using var response = await PostAsync($"/v1.0/state/{Store}/bulk", $$$"""{"keys":["{{{present}}}","{{{absent}}}"],"parallelism":2}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = body.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!);
        Assert.Equal("x", items[present].GetProperty("data").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(items[present].GetProperty("etag").GetString()));
        Assert.False(items[present].TryGetProperty("value", out _));
        Assert.False(items[absent].TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Http_transaction_and_its_error_codes()
    {
        var key = NewKey("http-tx");
        var body = $$$"""{"operations":[{"operation":"upsert","request":{"key":"{{{key}}}","value":"in-tx"}}]}""";
        using (var ok = await PostAsync($"/v1.0/state/{Store}/transaction", body))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        Assert.Equal("in-tx", await Client.GetStateAsync<string>(Store, key));

        using (var unknown = await PostAsync($"/v1.0/state/{Store}/transaction", $$$"""{"operations":[{"operation":"merge","request":{"key":"{{{key}}}"}}]}"""))
        {
            await HttpErrorAsync(unknown, HttpStatusCode.BadRequest, "ERR_NOT_SUPPORTED_STATE_OPERATION");
        }

        var stale = $$$"""{"operations":[{"operation":"upsert","request":{"key":"{{{key}}}","value":1,"etag":"{{{Fixture.BadETag}}}"}}]}""";
        using var mismatch = await PostAsync($"/v1.0/state/{Store}/transaction", stale);
        await HttpErrorAsync(mismatch, HttpStatusCode.InternalServerError, "ERR_STATE_TRANSACTION");
    }

    [Fact]
    public async Task Http_bad_input_gets_daprd_status_and_error_code()
    {
        using (var unknownStore = await Http.GetAsync("/v1.0/state/no-such-store/k"))
        {
            await HttpErrorAsync(unknownStore, HttpStatusCode.BadRequest, "ERR_STATE_STORE_NOT_FOUND");
        }

        using (var malformed = await PostAsync($"/v1.0/state/{Store}", "[{\"key\":\"k\","))
        {
            await HttpErrorAsync(malformed, HttpStatusCode.BadRequest, "ERR_MALFORMED_REQUEST");
        }

        using (var noKey = await PostAsync($"/v1.0/state/{Store}", "[{\"value\":1}]"))
        {
            await HttpErrorAsync(noKey, HttpStatusCode.BadRequest, "ERR_MALFORMED_REQUEST");
        }

        using (var separator = await PostAsync($"/v1.0/state/{Store}", "[{\"key\":\"a||b\",\"value\":1}]"))
        {
            await HttpErrorAsync(separator, HttpStatusCode.BadRequest, "ERR_MALFORMED_REQUEST");
        }

        using var badTtl = await PostAsync($"/v1.0/state/{Store}?metadata.ttlInSeconds=foo", $$$"""[{"key":"{{{NewKey("ttl")}}}","value":1}]""");
        await HttpErrorAsync(badTtl, HttpStatusCode.InternalServerError, "ERR_STATE_SAVE");

        using var empty = await PostAsync($"/v1.0/state/{Store}", "[]");
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
    }

    [Fact]
    public async Task Http_ttl_reports_expire_time_and_later_writes_clear_it()
    {
        var key = NewKey("http-ttl");
        using (await PostAsync($"/v1.0/state/{Store}", $$$"""[{"key":"{{{key}}}","value":1,"metadata":{"ttlInSeconds":"3600"}}]"""))
        {
            var expires = await ExpireTimeAsync(key);
            Assert.NotNull(expires);
            Assert.InRange(expires.Value, DateTimeOffset.UtcNow.AddHours(1).AddMinutes(-10), DateTimeOffset.UtcNow.AddHours(1).AddMinutes(10));
        }

        using (var bulk = await PostAsync($"/v1.0/state/{Store}/bulk", $$$"""{"keys":["{{{key}}}"]}"""))
        {
            using var json = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync());
            Assert.True(json.RootElement[0].GetProperty("metadata").TryGetProperty("ttlExpireTime", out _));
        }

        using (await PostAsync($"/v1.0/state/{Store}?metadata.ttlInSeconds=-1", $$$"""[{"key":"{{{key}}}","value":2}]"""))
        {
            Assert.Null(await ExpireTimeAsync(key));
        }

        var tx = $$$$"""{"operations":[{"operation":"upsert","request":{"key":"{{{{key}}}}","value":3,"metadata":{"ttlInSeconds":"600"}}}]}""";
        using (await PostAsync($"/v1.0/state/{Store}/transaction", tx))
        {
            Assert.NotNull(await ExpireTimeAsync(key));
        }

        using (await PostAsync($"/v1.0/state/{Store}", $$$"""[{"key":"{{{key}}}","value":4}]"""))
        {
            Assert.Null(await ExpireTimeAsync(key));
        }
    }

    private async Task<DateTimeOffset?> ExpireTimeAsync(string key)
    {
        using var response = await Http.GetAsync($"/v1.0/state/{Store}/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("metadata.ttlExpireTime", out var values)
            ? DateTimeOffset.Parse(values.Single(), CultureInfo.InvariantCulture)
            : null;
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> DeleteAsync(string key, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/v1.0/state/{Store}/{key}");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return Http.SendAsync(request);
    }
}
