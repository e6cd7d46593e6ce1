namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// What a model may know about a series besides its values: the seasonal period it should consider
/// (1 = none) and, for dated series, the calendar of each position (calendar features need it).
/// </summary>
public readonly record struct SeriesContext(int SeasonalPeriod, TimeAxis? Axis = null);
