namespace FinFlow.Payments.CardData;

/// <summary>All the service ever knows of a card: its brand and last four digits, never the number.</summary>
public sealed record CardSummary(string Brand, string Last4);
