using FinFlow.Sidecar.Actors;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

public sealed class ScheduleParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("R5/PT10S", 0, 0, 0, 10, 5)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 3, 4 * 3600 + 5 * 60 + 6, -1)]
    [InlineData("P2W", 0, 0, 14, 0, -1)]
    [InlineData("PT90M", 0, 0, 0, 5400, -1)]
    public void Iso8601_durations_parse_as_dapr_kit_does(string text, int years, int months, int days, int seconds, int repetitions)
    {
        Assert.True(DaprTime.TryParseIso8601(text, out var value));
        Assert.Equal(new IsoDuration(years, months, days, TimeSpan.FromSeconds(seconds), repetitions), value);
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("1h")]
    [InlineData("R/PT1S")]
    [InlineData("PT1H2D")]
    public void Malformed_iso8601_is_refused_or_not_iso(string text)
    {
        var parsed = DaprTime.TryParseIso8601(text, out var value);
        Assert.True(!parsed || value.IsZero, $"{text} parsed as {value}");
    }

    [Theory]
    [InlineData("0h0m5s0ms", 5000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("250ms", 250)]
    public void Go_durations_as_the_sdk_writes_them_parse(string text, int milliseconds)
    {
        Assert.True(DaprTime.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value.Time);
    }

    [Fact]
    public void A_reminder_with_only_a_period_first_fires_one_period_later_as_the_scheduler_does()
    {
        var schedule = ReminderSchedule.Parse(null, "PT30S", null, Now);

        Assert.Equal(Now.AddSeconds(30), schedule.FirstDue);
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.Interval);
        Assert.Null(schedule.Remaining);
    }

    [Fact]
    public void Repetitions_count_every_fire_and_the_ttl_counts_from_the_due_time()
    {
        var schedule = ReminderSchedule.Parse("2026-11-25T12:01:00Z", "R3/PT10S", "25s", Now);

        Assert.Equal(Now.AddMinutes(1), schedule.FirstDue);
        Assert.Equal(3, schedule.Remaining);
        Assert.Equal(Now.AddMinutes(1).AddSeconds(25), schedule.ExpiresAt);
        var second = ReminderSchedule.Following(schedule.FirstDue, schedule.Interval, schedule.Remaining, schedule.ExpiresAt, Now);
        Assert.Equal((Now.AddSeconds(70), (int?)2), second);
        var third = ReminderSchedule.Following(second!.Value.Next, schedule.Interval, second.Value.Remaining, schedule.ExpiresAt, Now);
        Assert.Equal(Now.AddSeconds(80), third!.Value.Next);
        Assert.Null(ReminderSchedule.Following(third.Value.Next, schedule.Interval, third.Value.Remaining, schedule.ExpiresAt, Now));
    }

    [Fact]
    public void A_one_shot_reminder_and_a_zero_period_fire_once()
    {
        foreach (var schedule in new[] { ReminderSchedule.Parse("5s", null, null, Now), ReminderSchedule.Parse("5s", "0h0m0s0ms", null, Now) })
        {
            Assert.Equal(Now.AddSeconds(5), schedule.FirstDue);
            Assert.Null(ReminderSchedule.Following(schedule.FirstDue, schedule.Interval, schedule.Remaining, schedule.ExpiresAt, Now));
        }
    }

    [Fact]
    public void A_sidecar_that_was_down_fires_a_missed_tick_once_then_keeps_the_cadence()
    {
        var next = ReminderSchedule.Following(Now.AddMinutes(-10), TimeSpan.FromMinutes(1), null, null, Now);

        Assert.Equal(Now, next!.Value.Next);
    }

    [Theory]
    [InlineData("P1D", null, null, "unsupported period format")]
    [InlineData("R0/PT1S", "1s", null, "zero repetitions")]
    [InlineData(null, "R2/PT1S", null, "repeats not supported")]
    [InlineData("1s", null, "later", "ttl format not recognized")]
    [InlineData(null, null, null, "either a due time or a schedule")]
    public void Schedules_the_scheduler_refuses_name_the_reason(string? period, string? dueTime, string? ttl, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ReminderSchedule.Parse(dueTime, period, ttl, Now));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timers_accept_calendar_periods_and_stop_after_their_repetitions()
    {
        var timer = TimerSchedule.Parse("", "R2/P1D", null, Now);

        Assert.Equal(Now, timer.FirstDue);
        Assert.Equal(Now.AddDays(1), timer.Following(Now, 1));
        Assert.Null(timer.Following(Now.AddDays(1), 0));
        Assert.Throws<FormatException>(() => TimerSchedule.Parse("1s", "1s", "2000-01-01T00:00:00Z", Now));
    }

    [Theory]
    [InlineData(1, "1s")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(0.5, "500ms")]
    public void Periods_are_reported_in_gos_duration_format(double seconds, string expected) =>
        Assert.Equal(expected, DaprTime.FormatGo(TimeSpan.FromSeconds(seconds)));
}
