using System.Diagnostics;

namespace FinFlow.Cli.Terminal;

/// <summary>One line per finished step of a long command, with how long it took (steps may run in parallel).</summary>
public static class Progress
{
    public static async Task<T> StepAsync<T>(string label, Func<Task<T>> step)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await step();
            Console.Out.WriteLine($"  {label,-30} ok     {watch.Elapsed.TotalSeconds,6:0.0} s");
            return result;
        }
        catch
        {
            Console.Out.WriteLine($"  {label,-30} FAILED {watch.Elapsed.TotalSeconds,6:0.0} s");
            throw;
        }
    }

    public static Task StepAsync(string label, Func<Task> step) =>
        StepAsync(label, async () =>
        {
            await step();
            return true;
        });
}
