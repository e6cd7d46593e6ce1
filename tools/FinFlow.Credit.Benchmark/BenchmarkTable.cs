using System.Text;

namespace FinFlow.Credit.Benchmark;

/// <summary>Collects rows by section and prints them as one markdown table.</summary>
public sealed class BenchmarkTable
{
    private readonly List<(string Section, BenchmarkRow Row)> _rows = [];

    public void Add(string section, BenchmarkRow row) => _rows.Add((section, row));

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("| section | metric | FinFlow | published reference | aim |\n|---|---|---|---|---|\n");
        foreach (var (section, row) in _rows)
            text.Append($"| {section} | {row.Metric} | {row.Measured} | {row.Reference} | {row.Aim} |\n");
        return text.ToString();
    }
}
