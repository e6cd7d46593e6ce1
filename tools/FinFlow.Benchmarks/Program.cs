using System.Runtime.InteropServices;
using FinFlow.Benchmarks;

// `FinFlow.Benchmarks app` is the tiny app the benchmark starts behind each sidecar (its own process).
if (args is ["app", ..])
{
    await TinyApp.RunAsync();
    return 0;
}

// `FinFlow.Benchmarks workflow-app` hosts the workflow suite's workflow and actor (its own process).
if (args is ["workflow-app", ..])
{
    await WorkflowBenchApp.RunAsync();
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
if (!options.RunsAuth && !options.RunsAccounting && !options.RunsMoney && !options.RunsCredit && !options.RunsWorkflow) return 0;

// The auth and money suites' platforms run detached from this process, and the accounting suite's PostgreSQL and app are
// processes of their own: Ctrl-C / SIGTERM end the run at the next step instead of killing this process, so the
// suites can still stop what they started (the launcher's `down`, the accounting app and its server).
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
    if (options.RunsAccounting)
    {
        var accounting = await AccountingSuite.RunAsync(options, interrupted.Token);
        if (accounting != 0) return accounting;
    }

    if (options.RunsAuth)
    {
        var auth = await AuthSuite.RunAsync(options, interrupted.Token);
        if (auth != 0) return auth;
    }

    if (options.RunsMoney)
    {
        var money = await MoneySuite.RunAsync(options, interrupted.Token);
        if (money != 0) return money;
    }

    if (options.RunsCredit)
    {
        var credit = await CreditSuite.RunAsync(options, interrupted.Token);
        if (credit != 0) return credit;
    }

    return options.RunsWorkflow ? await WorkflowSuite.RunAsync(options, interrupted.Token) : 0;
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Interrupted.");
    return 130;
}
