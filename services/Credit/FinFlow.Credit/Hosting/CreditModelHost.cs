using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Hosting;

/// <summary>
/// The credit model the service scores with, loaded once at start. When it could not be loaded the service still
/// runs (health, decisions, offers from stored assessments) but /readyz is unhealthy and scoring answers 503.
/// </summary>
public sealed class CreditModelHost
{
    private volatile CreditModel? _model;

    public CreditModel? Model => _model;

    /// <summary>Why the model is missing, for /readyz; null once loaded.</summary>
    public string? LoadError { get; private set; } = "The credit model has not been loaded yet.";

    public void Set(CreditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        LoadError = null;
        _model = model;
    }

    public void Fail(string error) => LoadError = error;
}
