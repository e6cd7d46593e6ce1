using System.Globalization;

namespace FinFlow.Accounting.Hosting;

/// <summary>Dates in query strings and bodies: ISO <c>yyyy-MM-dd</c> only, so "03/04/2026" can never mean two days.</summary>
public static class QueryDates
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
