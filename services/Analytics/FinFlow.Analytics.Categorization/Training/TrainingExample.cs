namespace FinFlow.Analytics.Categorization.Training;

/// <summary>One generated bank-export line: its text, the MCC the card network would report (empty for bank credits), its category and merchant.</summary>
public sealed record TrainingExample(string Description, string Mcc, string Category, string Merchant);
