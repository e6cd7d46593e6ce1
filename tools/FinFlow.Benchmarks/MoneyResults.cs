namespace FinFlow.Benchmarks;

/// <summary>
/// One money-loop run: whole loops, the charge request alone, and charge → first <c>PAID</c> seen. <see cref="Timeouts"/>
/// (loops not <c>PAID</c> within <see cref="MoneyLoop.PaidTimeout"/>) are part of <c>Loop.Errors</c>, counted apart too.
/// <see cref="PollsPerLoop"/>: invoice GETs per completed loop, which are themselves part of the load.
/// </summary>
public sealed record MoneyResults(LatencyStats Loop, LatencyStats Charge, LatencyStats ChargeToPaid, long Timeouts, double PollsPerLoop)
{
    public long OtherErrors => Loop.Errors - Timeouts;
}
