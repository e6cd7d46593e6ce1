using System.Globalization;
using System.Text;

namespace FinFlow.Sidecar.Observability;

/// <summary>The Prometheus text exposition format, written the same way by every metrics source of the sidecar.</summary>
public static class PrometheusText
{
    /// <summary>A counter or gauge family: # HELP, # TYPE, then one line per label set.</summary>
    public static void Series(StringBuilder text, string name, string type, string help, IEnumerable<(string Labels, double Value)> series)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var (labels, value) in series) text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {value}\n");
    }

    /// <summary>A histogram family over <see cref="LatencyHistogram"/>'s millisecond buckets.</summary>
    public static void Histogram(StringBuilder text, string name, string help, IEnumerable<(string Labels, LatencyHistogram Histogram)> series)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} histogram\n");
        foreach (var (labels, histogram) in series)
        {
            var (buckets, count, sum) = histogram.Snapshot();
            for (var i = 0; i < buckets.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{LatencyHistogram.BucketsMs[i]}\"}} {buckets[i]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {count}\n");
            text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {sum}\n{name}_count{{{labels}}} {count}\n");
        }
    }

    /// <summary>Label values come from apps (topics, actor types, activity names): backslash, quote and newline must be escaped.</summary>
    public static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
