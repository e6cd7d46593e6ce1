using System.Globalization;

namespace FinFlow.Credit.Hosting;

/// <summary>
/// Query parameters are taken as text and parsed here, so a value that is not a number or an id is answered with a
/// 400 naming the parameter instead of the framework's anonymous binding failure.
/// </summary>
public static class QueryValues
{
    public static bool TryInt(string? text, int fallback, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGuid(string? text, out Guid? value)
    {
        value = null;
        if (text is null) return true;
        if (!Guid.TryParse(text, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
