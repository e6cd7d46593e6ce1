using System.Text;
using Dapr.Client;
using Grpc.Core;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>
/// The state checklist of contract §9.1, driven through the official Dapr.Client (gRPC) against a real
/// sidecar process. Run once per store by the derived classes. HTTP-path checks live in
/// <see cref="StateHttpTests{TFixture}"/>.
/// </summary>
public abstract class StateConformanceTests<TFixture>(TFixture fixture)
    where TFixture : StateSidecarFixture
{
    protected const string Store = StateSidecarFixture.Store;

    protected TFixture Fixture { get; } = fixture;

    protected DaprClient Client => Fixture.Client;

    protected static string NewKey(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Init_and_ping_the_store_is_registered_with_its_capabilities()
    {
        Assert.True(await Client.CheckHealthAsync());
        var metadata = await Client.GetMetadataAsync();
        Assert.Equal(StateSidecarFixture.AppId, metadata.Id);
        var store = Assert.Single(metadata.Components, c => c.Name == Store);
        Assert.Contains("ETAG", store.Capabilities);
        Assert.Contains("TRANSACTIONAL", store.Capabilities);
        Assert.Contains("TTL", store.Capabilities);
    }

    [Fact]
    public async Task Set_then_get_round_trips_every_kind_of_value()
    {
        await RoundTripAsync(42);
        await RoundTripAsync(true);
        await RoundTripAsync("{\"looks\":\"like json\"}");
        await RoundTripAsync("plain text");
        await RoundTripAsync("");
        await RoundTripAsync(new Widget("bolt", 7));
        await RoundTripAsync(new Order("o-1", new Widget("nut", 3), [1, 2, 3], 12.5m));

        var bytes = new byte[] { 0, 1, 2, 250, 255 };
        var binaryKey = NewKey("bytes");
        await Client.SaveByteStateAsync(Store, binaryKey, bytes);
        Assert.Equal(bytes, (await Client.GetByteStateAsync(Store, binaryKey)).ToArray());

        var jsonKey = NewKey("json-content");
        var json = new Dictionary<string, string> { ["contentType"] = "application/json" };
        await Client.SaveStateAsync(Store, jsonKey, new Widget("typed", 1), metadata: json);
        Assert.Equal(new Widget("typed", 1), await Client.GetStateAsync<Widget>(Store, jsonKey, metadata: json));
    }

    [Fact]
    public async Task Delete_removes_the_key_and_its_etag_and_deleting_a_missing_key_is_fine()
    {
        var key = NewKey("delete");
        await Client.SaveStateAsync(Store, key, "doomed");
        await Client.DeleteStateAsync(Store, key);
        var (value, etag) = await Client.GetStateAndETagAsync<string>(Store, key);
        Assert.Null(value);
        Assert.True(string.IsNullOrEmpty(etag));
        await Client.DeleteStateAsync(Store, key);
        await Client.DeleteStateAsync(Store, NewKey("never-existed"));
    }

    [Fact]
    public async Task Bulk_set_bulk_get_with_missing_keys_and_bulk_delete()
    {
        var keys = Enumerable.Range(0, 3).Select(i => NewKey($"bulk{i}")).ToList();
        await Client.SaveBulkStateAsync(Store, [.. keys.Select((k, i) => new SaveStateItem<Widget>(k, new Widget(k, i), ""))]);
        var missing = NewKey("bulk-missing");

        var items = await Client.GetBulkStateAsync<Widget>(Store, [.. keys, missing], parallelism: 2);
        Assert.Equal(4, items.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var item = Assert.Single(items, x => x.Key == keys[i]);
            Assert.Equal(new Widget(keys[i], i), item.Value);
            Assert.False(string.IsNullOrEmpty(item.ETag));
        }

        var absent = Assert.Single(items, x => x.Key == missing);
        Assert.Null(absent.Value);

        await Client.DeleteBulkStateAsync(Store, [.. keys.Select(k => new BulkDeleteStateItem(k, ""))]);
        foreach (var key in keys) Assert.Null(await Client.GetStateAsync<Widget>(Store, key));
    }

    [Fact]
    public async Task Transaction_applies_operations_in_order()
    {
        var existing = NewKey("tx-existing");
        var transient = NewKey("tx-transient");
        var final = NewKey("tx-final");
        await Client.SaveStateAsync(Store, existing, "before");

        await Client.ExecuteStateTransactionAsync(Store,
        [
            new StateTransactionRequest(existing, null, StateOperationType.Delete),
            new StateTransactionRequest(transient, Json("\"short-lived\""), StateOperationType.Upsert),
            new StateTransactionRequest(transient, null, StateOperationType.Delete),
            new StateTransactionRequest(final, Json("{\"name\":\"kept\",\"count\":2}"), StateOperationType.Upsert,
                metadata: new Dictionary<string, string> { ["contentType"] = "application/json" }),
            new StateTransactionRequest(NewKey("tx-never"), null, StateOperationType.Delete),
        ]);

        Assert.Null(await Client.GetStateAsync<string>(Store, existing));
        Assert.Null(await Client.GetStateAsync<string>(Store, transient));
        Assert.Equal(new Widget("kept", 2), await Client.GetStateAsync<Widget>(Store, final));
    }

    [Fact]
    public async Task Transaction_with_a_stale_etag_fails_as_internal_and_changes_nothing()
    {
        var key = NewKey("tx-etag");
        var untouched = NewKey("tx-untouched");
        await Client.SaveStateAsync(Store, key, "v1");
        await GrpcStatusAsync(StatusCode.Internal, () => Client.ExecuteStateTransactionAsync(Store,
        [
            new StateTransactionRequest(untouched, Json("\"written?\""), StateOperationType.Upsert),
            new StateTransactionRequest(key, Json("\"v2\""), StateOperationType.Upsert, etag: Fixture.BadETag),
        ]));
        Assert.Equal("v1", await Client.GetStateAsync<string>(Store, key));
        Assert.Null(await Client.GetStateAsync<string>(Store, untouched));
    }

    [Fact]
    public async Task Etags_are_returned_checked_and_renewed()
    {
        var key = NewKey("etag");
        await Client.SaveStateAsync(Store, key, "v1");
        var (_, etag) = await Client.GetStateAndETagAsync<string>(Store, key);
        Assert.False(string.IsNullOrEmpty(etag));

        Assert.False(await Client.TrySaveStateAsync(Store, key, "wrong", Fixture.BadETag));
        Assert.False(await Client.TrySaveStateAsync(Store, key, "malformed", "not-an-etag"));
        Assert.Equal("v1", await Client.GetStateAsync<string>(Store, key));

        Assert.True(await Client.TrySaveStateAsync(Store, key, "v2", etag));
        var (value, renewed) = await Client.GetStateAndETagAsync<string>(Store, key);
        Assert.Equal("v2", value);
        Assert.NotEqual(etag, renewed);
        Assert.False(await Client.TrySaveStateAsync(Store, key, "stale", etag));

        Assert.False(await Client.TryDeleteStateAsync(Store, key, Fixture.BadETag));
        Assert.Equal("v2", await Client.GetStateAsync<string>(Store, key));
        Assert.True(await Client.TryDeleteStateAsync(Store, key, renewed));
        Assert.Null(await Client.GetStateAsync<string>(Store, key));
    }

    [Fact]
    public async Task Bulk_writes_with_one_bad_etag_report_it_and_apply_the_others()
    {
        var good = NewKey("bulk-good");
        var bad = NewKey("bulk-bad");
        await Client.SaveStateAsync(Store, bad, "original");
        var error = await GrpcStatusAsync(StatusCode.Aborted, () => Client.SaveBulkStateAsync(Store,
        [
            new SaveStateItem<string>(good, "applied", ""),
            new SaveStateItem<string>(bad, "rejected", Fixture.BadETag),
        ]));
        Assert.Contains(bad, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("applied", await Client.GetStateAsync<string>(Store, good));
        Assert.Equal("original", await Client.GetStateAsync<string>(Store, bad));

        await GrpcStatusAsync(StatusCode.Aborted, () => Client.DeleteBulkStateAsync(Store,
        [
            new BulkDeleteStateItem(good, ""),
            new BulkDeleteStateItem(bad, Fixture.BadETag),
        ]));
        Assert.Null(await Client.GetStateAsync<string>(Store, good));
        Assert.Equal("original", await Client.GetStateAsync<string>(Store, bad));
    }

    [Fact]
    public async Task First_write_without_etag_inserts_once_and_with_etag_needs_the_current_one()
    {
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };
        var key = NewKey("first-write");
        await Client.SaveStateAsync(Store, key, "first", firstWrite);
        await GrpcStatusAsync(Fixture.FirstWriteConflictStatus, () => Client.SaveStateAsync(Store, key, "second", firstWrite));
        Assert.Equal("first", await Client.GetStateAsync<string>(Store, key));

        // An empty ETag is "no ETag" (components-contrib HasETag).
        var emptyETagKey = NewKey("first-write-empty");
        Assert.True(await Client.TrySaveStateAsync(Store, emptyETagKey, "first", "", firstWrite));
        if (Fixture.FirstWriteConflictStatus == StatusCode.Aborted)
        {
            // An Aborted conflict is what TrySave turns into false.
            Assert.False(await Client.TrySaveStateAsync(Store, emptyETagKey, "second", "", firstWrite));
        }
        else
        {
            await GrpcStatusAsync(Fixture.FirstWriteConflictStatus, () => Client.TrySaveStateAsync(Store, emptyETagKey, "second", "", firstWrite));
        }

        Assert.Equal("first", await Client.GetStateAsync<string>(Store, emptyETagKey));

        var (_, current) = await Client.GetStateAndETagAsync<string>(Store, key);
        Assert.True(await Client.TrySaveStateAsync(Store, key, "with-current", current, firstWrite));
        Assert.False(await Client.TrySaveStateAsync(Store, key, "with-stale", current, firstWrite));
        Assert.Equal("with-current", await Client.GetStateAsync<string>(Store, key));
    }

    [Fact]
    public async Task Ttl_expires_keys_and_bad_ttl_values_are_rejected()
    {
        await GrpcStatusAsync(StatusCode.Internal, () => Client.SaveStateAsync(Store, NewKey("ttl-foo"), "x", metadata: Ttl("foo")));

        var key = NewKey("ttl-short");
        await Client.SaveStateAsync(Store, key, "short-lived", metadata: Ttl("1"));
        Assert.Equal("short-lived", await Client.GetStateAsync<string>(Store, key));
        await EventuallyAsync(async () => await Client.GetStateAsync<string>(Store, key) is null, TimeSpan.FromSeconds(10), "a key with a 1 s TTL must disappear");

        var bulkKey = NewKey("ttl-bulk");
        await Client.SaveBulkStateAsync(Store, [new SaveStateItem<string>(bulkKey, "x", "", metadata: Ttl("1"))]);
        await EventuallyAsync(async () => (await Client.GetBulkStateAsync(Store, [bulkKey], 1)).Single().Value is null or "",
            TimeSpan.FromSeconds(10), "bulk get must not return an expired key");
    }

    [Fact]
    public async Task Query_api_is_answered_as_unimplemented_not_faked()
    {
        await GrpcStatusAsync(StatusCode.Unimplemented, () => Client.QueryStateAsync<Widget>(Store, "{\"filter\":{\"EQ\":{\"name\":\"x\"}}}"));
    }

    [Fact]
    public async Task Unknown_store_and_keys_with_the_separator_are_invalid_arguments()
    {
        await GrpcStatusAsync(StatusCode.InvalidArgument, () => Client.GetStateAsync<string>("no-such-store", "k"));
        await GrpcStatusAsync(StatusCode.InvalidArgument, () => Client.SaveStateAsync("no-such-store", "k", "v"));
        await GrpcStatusAsync(StatusCode.InvalidArgument, () => Client.SaveStateAsync(Store, "bad||key", "v"));
    }

    protected static Dictionary<string, string> Ttl(string seconds) => new() { ["ttlInSeconds"] = seconds };

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    private async Task RoundTripAsync<T>(T value)
    {
        var key = NewKey(typeof(T).Name);
        await Client.SaveStateAsync(Store, key, value);
        var (read, etag) = await Client.GetStateAndETagAsync<T>(Store, key);
        Assert.Equal(value, read);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    private sealed record Widget(string Name, int Count);

    private sealed record Order(string Id, Widget Item, List<int> Lines, decimal Total)
    {
        public bool Equals(Order? other) =>
            other is not null && Id == other.Id && Item == other.Item && Lines.SequenceEqual(other.Lines) && Total == other.Total;

        public override int GetHashCode() => HashCode.Combine(Id, Item, Total);
    }
}
