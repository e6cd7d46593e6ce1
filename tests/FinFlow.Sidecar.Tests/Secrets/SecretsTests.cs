using System.Net;
using System.Text.Json;
using Grpc.Core;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Secrets;

/// <summary>Secrets over gRPC (Dapr.Client) and HTTP, with daprd's error statuses (contract §5).</summary>
public sealed class SecretsTests(SecretsFixture fixture) : IClassFixture<SecretsFixture>
{
    [Fact]
    public async Task Local_file_flattens_nested_secrets_with_the_separator()
    {
        var secret = await fixture.Client.GetSecretAsync("filestore", "db:password");
        Assert.Equal(new Dictionary<string, string> { ["db:password"] = "p@ss" }, secret);
        Assert.Equal("y", (await fixture.Client.GetSecretAsync("filestore", "nested:deep:x"))["nested:deep:x"]);
        Assert.Equal("5", (await fixture.Client.GetSecretAsync("filestore", "nested:n"))["nested:n"]);
    }

    [Fact]
    public async Task Local_file_multi_valued_returns_each_top_level_key_as_a_map()
    {
        var db = await fixture.Client.GetSecretAsync("multistore", "db");
        Assert.Equal(new Dictionary<string, string> { ["password"] = "p@ss", ["user"] = "admin" }, db);
        Assert.Equal("y", (await fixture.Client.GetSecretAsync("multistore", "nested"))["deep.x"]);

        var bulk = await fixture.Client.GetBulkSecretAsync("multistore");
        Assert.Equal("admin", bulk["db"]["user"]);
        Assert.Equal("value", bulk["plain"]["plain"]);
    }

    [Fact]
    public async Task Local_env_reads_variables_hides_dapr_ones_and_strips_the_prefix()
    {
        Assert.Equal("s3cret", (await fixture.Client.GetSecretAsync("envstore", "FINFLOW_TEST_SECRET"))["FINFLOW_TEST_SECRET"]);
        Assert.Equal("s3cret", (await fixture.Client.GetSecretAsync("prefixed", "SECRET"))["SECRET"]);
        Assert.Equal("", (await fixture.Client.GetSecretAsync("envstore", "FINFLOW_NOT_SET"))["FINFLOW_NOT_SET"]);
        Assert.Equal("", (await fixture.Client.GetSecretAsync("envstore", "DAPR_TEST_HIDDEN"))["DAPR_TEST_HIDDEN"]);

        var bulk = await fixture.Client.GetBulkSecretAsync("prefixed");
        Assert.Equal("s3cret", bulk["SECRET"]["SECRET"]);
        Assert.DoesNotContain("DAPR_TEST_HIDDEN", (await fixture.Client.GetBulkSecretAsync("envstore")).Keys);
    }

    [Fact]
    public async Task Http_secret_and_bulk_endpoints()
    {
        using var single = await fixture.Http.GetAsync("/v1.0/secrets/filestore/db:user");
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal("admin", JsonDocument.Parse(await single.Content.ReadAsStringAsync()).RootElement.GetProperty("db:user").GetString());

        using var bulk = await fixture.Http.GetAsync("/v1.0/secrets/filestore/bulk");
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var all = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("p@ss", all.GetProperty("db:password").GetProperty("db:password").GetString());
        Assert.False(all.TryGetProperty("api", out _), "a secret denied by secrets.scopes is left out of bulk answers");
    }

    [Fact]
    public async Task Missing_secret_unknown_store_and_denied_secret_get_daprd_statuses()
    {
        using (var missing = await fixture.Http.GetAsync("/v1.0/secrets/filestore/nope"))
        {
            await HttpErrorAsync(missing, HttpStatusCode.InternalServerError, "ERR_SECRET_GET");
        }

        await GrpcStatusAsync(StatusCode.Internal, () => fixture.Client.GetSecretAsync("filestore", "nope"));

        using (var unknown = await fixture.Http.GetAsync("/v1.0/secrets/nostore/x"))
        {
            await HttpErrorAsync(unknown, HttpStatusCode.Unauthorized, "ERR_SECRET_STORE_NOT_FOUND");
        }

        await GrpcStatusAsync(StatusCode.InvalidArgument, () => fixture.Client.GetSecretAsync("nostore", "x"));

        using (var denied = await fixture.Http.GetAsync("/v1.0/secrets/filestore/api"))
        {
            await HttpErrorAsync(denied, HttpStatusCode.Forbidden, "ERR_PERMISSION_DENIED");
        }

        await GrpcStatusAsync(StatusCode.PermissionDenied, () => fixture.Client.GetSecretAsync("filestore", "api"));
    }

    [Fact]
    public async Task Components_scoped_to_other_apps_are_not_loaded()
    {
        var metadata = await fixture.Client.GetMetadataAsync();
        Assert.Contains(metadata.Components, c => c.Name == "filestore");
        Assert.DoesNotContain(metadata.Components, c => c.Name == "otherstore");
    }
}
