namespace FinFlow.Sidecar.PubSub;

/// <summary>One delivery attempt's result; <see cref="HttpStatus"/> feeds resiliency <c>matching</c> when the app answered non-2xx.</summary>
public sealed record DeliveryResult(DeliveryStatus Status, int? HttpStatus, string Detail)
{
    public static DeliveryResult Success { get; } = new(DeliveryStatus.Success, null, "");
}
