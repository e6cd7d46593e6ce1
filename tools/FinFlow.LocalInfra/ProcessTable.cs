namespace FinFlow.LocalInfra;

/// <summary>What the kernel says about a process, read from /proc.</summary>
public static class ProcessTable
{
    /// <summary>
    /// Start time in clock ticks since boot (/proc/PID/stat field 22): with the pid it names one process
    /// for good, so a recorded pid that the OS has since reused is never mistaken for ours.
    /// </summary>
    public static string? StartTicks(int pid) => Field(pid, 22);

    /// <summary>Running and not a zombie.</summary>
    public static bool IsRunning(int pid) => Field(pid, 3) is { } state && state != "Z" && state != "X";

    /// <summary>Running, and still the process that was recorded with these start ticks.</summary>
    public static bool IsSame(int pid, string? startTicks) => IsRunning(pid) && startTicks is not null && StartTicks(pid) == startTicks;

    private static string? Field(int pid, int number)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is parenthesised and may hold spaces; fields after it start at number 3.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[number - 3];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
