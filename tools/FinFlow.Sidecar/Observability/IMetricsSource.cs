namespace FinFlow.Sidecar.Observability;

/// <summary>
/// A building block's own Prometheus series (workflow turns, reminder lag, ...), appended to
/// <c>/metrics</c> after the API metrics. Register implementations as <c>IMetricsSource</c> singletons.
/// </summary>
public interface IMetricsSource
{
    /// <summary>Prometheus text exposition lines, each ending in a newline, with # HELP and # TYPE.</summary>
    string Render();
}
