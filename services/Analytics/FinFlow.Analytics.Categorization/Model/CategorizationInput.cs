namespace FinFlow.Analytics.Categorization.Model;

/// <summary>The model's input row (public: ML.NET binds it by reflection). <c>Label</c> is only read in training.</summary>
public sealed class CategorizationInput
{
    public string Text { get; set; } = string.Empty;

    public string Mcc { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
