using System.Text.Json.Serialization;

namespace FinFlow.Payments.Payments;

/// <summary>Where a payment stands; the JSON and database spelling is the upper-case name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    [JsonStringEnumMemberName("PENDING")] Pending,
    [JsonStringEnumMemberName("SUCCEEDED")] Succeeded,
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("REQUIRES_ACTION")] RequiresAction,
    [JsonStringEnumMemberName("PARTIALLY_REFUNDED")] PartiallyRefunded,
    [JsonStringEnumMemberName("REFUNDED")] Refunded,
}
