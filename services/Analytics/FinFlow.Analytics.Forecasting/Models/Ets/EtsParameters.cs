namespace FinFlow.Analytics.Forecasting.Models.Ets;

/// <summary>
/// Smoothing parameters and initial states. Seasonal[i] is the seasonal state applied at step i of the
/// first cycle (a ring buffer: step t reads and then overwrites Seasonal[t mod m]).
/// </summary>
internal sealed record EtsParameters(double Alpha, double Beta, double Gamma, double Phi, double Level, double Slope, double[] Seasonal);
