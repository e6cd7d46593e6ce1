using System.Runtime.InteropServices;
using FinFlow.Benchmarks;

// `FinFlow.Benchmarks app` is the tiny app the benchmark starts behind each sidecar (its own process).
if (args is ["app", ..])
{
    await TinyApp.RunAsync();
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}

if (options.RunsSidecar) await SidecarSuite.RunAsync(options);
if (!options.RunsAuth) return 0;

// The auth suite's platform runs detached from this process: Ctrl-C / SIGTERM end the run at the next step
// instead of killing the process, so the suite can still run the launcher's `down`.
using var interrupted = new CancellationTokenSource();
void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine("Interrupted: stopping the platform the benchmark started...");
    interrupted.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
try
{
    return await AuthSuite.RunAsync(options, interrupted.Token);
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Interrupted.");
    return 130;
}
