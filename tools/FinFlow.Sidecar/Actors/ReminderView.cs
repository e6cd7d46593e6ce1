using System.Text.Json;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// <c>GET …/reminders/{name}</c> as daprd 1.18 answers it from its scheduler: <c>dueTime</c> as registered,
/// <c>period</c> as the scheduler's <c>@every &lt;go duration&gt;</c>, <c>ttl</c> only when it was given as an
/// RFC 3339 instant (the .NET SDK cannot parse any other form back), and <c>data</c> as raw JSON.
/// </summary>
public static class ReminderView
{
    public static void Write(Utf8JsonWriter writer, StoredReminder reminder)
    {
        writer.WriteStartObject();
        writer.WriteString("actorID", reminder.ActorId);
        writer.WriteString("actorType", reminder.ActorType);
        if (reminder.Data is { Length: > 0 } data)
        {
            writer.WritePropertyName("data");
            writer.WriteRawValue(data, skipInputValidation: true);
        }

        if (reminder.DueTime is { } due) writer.WriteString("dueTime", due);
        if (Period(reminder) is { } period) writer.WriteString("period", period);
        if (Ttl(reminder) is { } ttl) writer.WriteString("ttl", ttl);
        writer.WriteEndObject();
    }

    public static string? Period(StoredReminder reminder) => reminder.Interval is { } interval ? "@every " + DaprTime.FormatGo(interval) : null;

    public static string? Ttl(StoredReminder reminder) =>
        reminder.Ttl is { } ttl && DaprTime.TryParseRfc3339(ttl, out var at) ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture) : null;
}
