namespace FinFlow.Credit.Scoring.Data;

/// <summary>Age bands of the disparate-impact report (age is never a model input).</summary>
public static class AgeBands
{
    public static string Of(int age) => age switch
    {
        < 25 => "under 25",
        < 35 => "25-34",
        < 45 => "35-44",
        < 55 => "45-54",
        _ => "55 and over",
    };
}
