using System.Text.Json.Serialization;

namespace FinFlow.Contracts.Events;

[JsonConverter(typeof(JsonStringEnumConverter<InvoiceStatus>))]
public enum InvoiceStatus
{
    [JsonStringEnumMemberName("PENDING")] Pending,
    [JsonStringEnumMemberName("PARTIALLY_PAID")] PartiallyPaid,
    [JsonStringEnumMemberName("PAID")] Paid,
    [JsonStringEnumMemberName("VOID")] Void,
}
