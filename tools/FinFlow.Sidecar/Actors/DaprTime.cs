using System.Globalization;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The time formats of daprd's actor API (dapr/kit <c>time</c>): ISO 8601 durations with an optional
/// <c>R&lt;n&gt;/</c> repetition prefix (<c>R3/PT10S</c>, <c>P1DT2H</c>), Go durations (<c>1m30s</c>,
/// <c>0h0m5s0ms</c> as the .NET SDK writes them) and RFC 3339 instants.
/// </summary>
public static class DaprTime
{
    /// <summary>ISO 8601 only, with kit's rules: W adds 7 days, M is months before T and minutes after it, no fractions.</summary>
    public static bool TryParseIso8601(string text, out IsoDuration value)
    {
        value = default;
        if (text.Length < 2) return false;
        var repetitions = -1;
        var i = 0;
        if (text[0] == 'R')
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            var end = slash < 0 ? text.Length : slash;
            if (end < 2 || !int.TryParse(text.AsSpan(1, end - 1), NumberStyles.None, CultureInfo.InvariantCulture, out repetitions)) return false;
            i = end + 1;
            if (i >= text.Length)
            {
                value = new IsoDuration(0, 0, 0, TimeSpan.Zero, repetitions);
                return true;
            }
        }

        if (text[i] != 'P') return false;
        int years = 0, months = 0, days = 0;
        var time = TimeSpan.Zero;
        var inTime = false;
        var start = ++i;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'T')
            {
                if (start != i) return false;
                inTime = true;
                start = i + 1;
                continue;
            }

            if (c is not ('Y' or 'W' or 'D' or 'H' or 'S' or 'M')) continue;
            if (start == i || !int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
            switch (c)
            {
                case 'Y' when !inTime: years = number; break;
                case 'W' when !inTime: days += number * 7; break;
                case 'D' when !inTime: days += number; break;
                case 'H' when inTime: time += TimeSpan.FromHours(number); break;
                case 'S' when inTime: time += TimeSpan.FromSeconds(number); break;
                case 'M': if (inTime) time += TimeSpan.FromMinutes(number); else months = number; break;
                default: return false;
            }

            start = i + 1;
        }

        value = new IsoDuration(years, months, days, time, repetitions);
        return true;
    }

    /// <summary>kit's ParseDuration: ISO 8601 first, then a Go duration (unlimited repetitions).</summary>
    public static bool TryParseDuration(string text, out IsoDuration value)
    {
        if (TryParseIso8601(text, out value)) return true;
        if (GoDuration.TryParse(text, out var go) && text.Trim().Length > 0)
        {
            value = new IsoDuration(0, 0, 0, go, -1);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A point in time: RFC 3339, or a Go or ISO 8601 duration after <paramref name="offset"/>; repetitions are
    /// refused. This is the scheduler's order (go-etcd-cron parsePointInTime), used for reminder dueTime and ttl.
    /// </summary>
    public static bool TryParsePointInTime(string text, DateTimeOffset offset, out DateTimeOffset value, out string? error)
    {
        error = null;
        if (TryParseRfc3339(text, out value)) return true;
        if (GoDuration.TryParse(text, out var go) && text.Trim().Length > 0)
        {
            value = offset + go;
            return true;
        }

        if (TryParseIso8601(text, out var iso))
        {
            if (iso.Repetitions > 0)
            {
                error = "repeats not supported for due time";
                return false;
            }

            value = iso.AddTo(offset);
            return true;
        }

        error = "due time format not recognized";
        return false;
    }

    /// <summary>kit's ParseTime (timers): ISO 8601 duration, Go duration, then RFC 3339.</summary>
    public static bool TryParseTime(string text, DateTimeOffset offset, out DateTimeOffset value, out string? error)
    {
        error = null;
        value = default;
        if (TryParseIso8601(text, out var iso))
        {
            if (iso.Repetitions != -1)
            {
                error = "repetitions are not allowed";
                return false;
            }

            value = iso.AddTo(offset);
            return true;
        }

        if (GoDuration.TryParse(text, out var go) && text.Trim().Length > 0)
        {
            value = offset + go;
            return true;
        }

        if (TryParseRfc3339(text, out value)) return true;
        error = "unsupported time/duration format: " + text;
        return false;
    }

    public static bool TryParseRfc3339(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out value);

    /// <summary>Go's time.Duration.String() (<c>1h0m0s</c>, <c>1m30s</c>, <c>1.5s</c>, <c>500ms</c>), as daprd reports <c>@every</c> periods.</summary>
    public static string FormatGo(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "0s";
        var sign = duration < TimeSpan.Zero ? "-" : "";
        duration = duration.Duration();
        if (duration < TimeSpan.FromSeconds(1))
        {
            var ms = duration.TotalMilliseconds;
            return ms >= 1
                ? sign + ms.ToString("0.######", CultureInfo.InvariantCulture) + "ms"
                : sign + (duration.Ticks / 10.0).ToString("0.###", CultureInfo.InvariantCulture) + "µs";
        }

        var hours = (long)duration.TotalHours;
        var seconds = (duration - TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(duration.Minutes)).TotalSeconds;
        var secondsText = seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "s";
        if (hours > 0) return FormattableString.Invariant($"{sign}{hours}h{duration.Minutes}m{secondsText}");
        return duration.Minutes > 0 ? FormattableString.Invariant($"{sign}{duration.Minutes}m{secondsText}") : sign + secondsText;
    }
}
