namespace FinFlow.Credit.Benchmark;

/// <summary>One printed line: what was measured, our figure, the published reference and the aim.</summary>
public sealed record BenchmarkRow(string Metric, string Measured, string Reference = "", string Aim = "");
