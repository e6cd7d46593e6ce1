namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>
/// How the values of one window are put on a common footing: z = (y − Center) / Scale. Centring on
/// the window mean makes an additive level shift look the same as the level it replaced; dividing by
/// the spread lets one model serve series of any size.
/// </summary>
internal readonly record struct WindowScaling(double Center, double Scale)
{
    public float Normalize(double value) => (float)((value - Center) / Scale);

    public double Denormalize(double z) => Center + z * Scale;
}
