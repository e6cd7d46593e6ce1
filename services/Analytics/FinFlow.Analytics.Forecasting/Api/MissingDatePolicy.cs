namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>What to do with a date missing from a daily, weekly or monthly history.</summary>
public enum MissingDatePolicy
{
    /// <summary>Refuse the input, naming the first gap.</summary>
    Reject,

    /// <summary>Treat the missing period as zero: right for net cash flow, where no entry means no money moved.</summary>
    FillWithZero,
}
