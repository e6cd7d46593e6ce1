using System.Text.Json;
using System.Text.Json.Nodes;
using FinFlow.Contracts;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Contracts.Tests;

public class EventSchemaTests
{
    public static TheoryData<string> AllTopics() => new(Topics.All);

    [Theory]
    [MemberData(nameof(AllTopics))]
    public void Every_event_record_serializes_to_json_its_schema_accepts(string topic)
    {
        var sample = SampleEvents.ByTopic[topic];
        var json = JsonSerializer.Serialize(sample, sample.GetType(), EventJson.Options);

        Assert.Empty(EventSchemaValidator.Validate(topic, json));
    }

    [Theory]
    [MemberData(nameof(AllTopics))]
    public void Schema_rejects_a_payload_missing_any_required_field(string topic)
    {
        var schema = JsonNode.Parse(EventSchemas.For(topic))!;
        var required = schema["required"]!.AsArray().Select(node => node!.GetValue<string>()).ToList();
        Assert.NotEmpty(required);
        var sample = SampleEvents.ByTopic[topic];

        foreach (var field in required)
        {
            var payload = JsonSerializer.SerializeToNode(sample, sample.GetType(), EventJson.Options)!.AsObject();
            Assert.True(payload.Remove(field), $"the record has no property '{field}'");

            var errors = EventSchemaValidator.Validate(topic, payload.ToJsonString());

            Assert.Contains(errors, error => error.Contains("PropertyRequired", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Invoice_created_requires_the_fields_the_platform_spec_names()
    {
        var required = JsonNode.Parse(EventSchemas.For(Topics.InvoiceCreated))!["required"]!.AsArray()
            .Select(node => node!.GetValue<string>());

        Assert.Superset(new HashSet<string>(["id", "userId", "client", "amount", "dueDate", "status"]), required.ToHashSet());
    }

    [Fact]
    public void Schema_rejects_wrong_types_and_unknown_fields()
    {
        var payload = JsonSerializer.SerializeToNode(SampleEvents.ByTopic[Topics.PaymentCompleted], SampleEvents.ByTopic[Topics.PaymentCompleted].GetType(), EventJson.Options)!.AsObject();
        payload["amount"] = "500.00";
        payload["currency"] = "euro";
        payload["cardNumber"] = "4242424242424242";

        var errors = EventSchemaValidator.Validate(Topics.PaymentCompleted, payload.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("amount", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("currency", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("NoAdditionalPropertiesAllowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_topic_has_exactly_one_event_record_and_a_schema()
    {
        var recordTopics = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(type => type.IsClass && type.IsAssignableTo(typeof(IIntegrationEvent)))
            .Select(type => (string)type.GetProperty(nameof(IIntegrationEvent.Topic))!.GetValue(null)!)
            .ToList();

        Assert.Equal(Topics.All.Order(), recordTopics.Order());
        Assert.All(Topics.All, topic => Assert.False(string.IsNullOrEmpty(EventSchemas.For(topic))));
    }

    [Fact]
    public void Money_and_status_serialize_exactly()
    {
        var json = JsonSerializer.Serialize(SampleEvents.ByTopic[Topics.InvoiceCreated], SampleEvents.ByTopic[Topics.InvoiceCreated].GetType(), EventJson.Options);

        Assert.Contains("\"amount\":1190.50", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"PENDING\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dueDate\":\"2026-12-25\"", json, StringComparison.Ordinal);
    }
}
