using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FinFlow.Analytics.Forecasting.Data;
using FinFlow.Forecasting.Benchmark;

// dotnet run -c Release --project tools/FinFlow.Forecasting.Benchmark -- [--quick] [--validate] [--set weekly|hourly|births] [--threads N] [--candidates] [--refits N]
//   --quick      every 8th M4 series, 8 births origins, 10 latency runs: for iterating, not for quoting
//   --validate   hold out the last horizon of each M4 training series (and the last year of births) instead of the test
//                data: the place to compare design choices (--candidates prints alternative ensembles there)
//   --refits N   births: estimations spread over each forecast's backtest origins (default: the library's)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var validate = args.Contains("--validate");
var candidates = args.Contains("--candidates");
var only = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault()?.ToLowerInvariant();
var refits = args.SkipWhile(a => a != "--refits").Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
var threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(2);
var dataDirectory = typeof(M4Run).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DataDirectory").Value!;
var total = Stopwatch.StartNew();

Console.WriteLine($"# FinFlow forecasting benchmark{(quick ? " (--quick: subsets, not for quoting)" : "")}{(validate ? " (--validate: held-out training tails, not the test sets)" : "")}");
Console.WriteLine($"{Environment.ProcessorCount} cores, {threads} worker threads, {(Debugger.IsAttached ? "debugger" : "no debugger")}, {RuntimeInformationText()}");

M4Dataset Prepare(M4Dataset data)
{
    data = validate ? M4Run.ValidationSplit(data) : data;
    return quick ? M4Run.Subset(data, 8) : data;
}

if (only is null or "weekly")
{
    M4Section.Run(Prepare(M4Dataset.LoadWeekly(dataDirectory)),
        [("Naive2", 1.000), ("Damped", 0.917), ("Theta", 0.971), ("M4 winner", 0.851)], "<= 0.90", threads, candidates);
}

if (only is null or "hourly")
{
    M4Section.Run(Prepare(M4Dataset.LoadHourly(dataDirectory)),
        [("Naive2", 1.000), ("Seasonal naive", 0.627), ("M4 winner", 0.440)], "<= 0.55", threads, candidates);
}

if (only is null or "births")
{
    var births = SsaBirthsCsv.Read(Path.Combine(dataDirectory, "us_births_ssa_2000_2014.csv"));
    BirthsSection.Run(births, quick, validate, args.Contains("--members"), refits);
}

Console.WriteLine();
Console.WriteLine($"Total {total.Elapsed.TotalSeconds:F0} s.");

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
