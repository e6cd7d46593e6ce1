namespace FinFlow.Credit.Scoring.Data;

/// <summary>
/// One row of the Taiwan default file. Month arrays run most recent first (index 0 = September 2005,
/// index 5 = April 2005). Sex, marriage, age and education are kept only for the disparate-impact report.
/// </summary>
public sealed record TaiwanClient(
    double CreditLimit,
    int Sex,
    int Education,
    int Marriage,
    int Age,
    int[] RepaymentStatus,
    double[] BillAmounts,
    double[] PaymentAmounts,
    bool Defaulted);
