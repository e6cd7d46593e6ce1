using FinFlow.Analytics.Categorization.Training;

namespace FinFlow.Analytics.Categorization;

/// <summary>Holds the loaded categorizer; until the model is loaded (or trained on first start) requests get 503 and /readyz is unhealthy.</summary>
public sealed class CategorizerHost
{
    private volatile Categorizer? _categorizer;

    public Categorizer? Categorizer => _categorizer;

    public CategorizationModelCard? Card { get; private set; }

    public void Set(Categorizer categorizer, CategorizationModelCard card)
    {
        Card = card;
        _categorizer = categorizer;
    }
}
