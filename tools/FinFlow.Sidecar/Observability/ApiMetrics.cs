using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace FinFlow.Sidecar.Observability;

/// <summary>
/// Per-API request counts and latencies, exported in Prometheus text format under daprd's metric names
/// (<c>dapr_http_server_request_count</c>, <c>dapr_http_server_latency</c>,
/// <c>dapr_grpc_io_server_completed_rpcs</c>, <c>dapr_grpc_io_server_server_latency</c>; milliseconds).
/// </summary>
public sealed class ApiMetrics(string appId)
{
    private readonly ConcurrentDictionary<HttpKey, LatencyHistogram> _http = new();
    private readonly ConcurrentDictionary<GrpcKey, LatencyHistogram> _grpc = new();
    private readonly ConcurrentDictionary<(string Component, string Topic, string Success), long> _pubsubEgress = new();
    private readonly ConcurrentDictionary<(string Component, string Topic, string Status), long> _pubsubIngress = new();

    /// <summary>daprd's <c>dapr_component_pubsub_egress_count</c>: one per publish attempt to a broker.</summary>
    public void RecordPubSubEgress(string component, string topic, bool success) =>
        _pubsubEgress.AddOrUpdate((component, topic, success ? "true" : "false"), 1, (_, n) => n + 1);

    /// <summary>daprd's <c>dapr_component_pubsub_ingress_count</c>: one per delivery, by process_status (success, retry, drop).</summary>
    public void RecordPubSubIngress(string component, string topic, string status) =>
        _pubsubIngress.AddOrUpdate((component, topic, status), 1, (_, n) => n + 1);

    public void RecordHttp(string method, string path, int status, double milliseconds) =>
        _http.GetOrAdd(new HttpKey(method, path, status), _ => new LatencyHistogram()).Observe(milliseconds);

    public void RecordGrpc(string method, string status, double milliseconds) =>
        _grpc.GetOrAdd(new GrpcKey(method, status), _ => new LatencyHistogram()).Observe(milliseconds);

    public string Render()
    {
        var text = new StringBuilder();
        var http = _http.OrderBy(p => p.Key.Path, StringComparer.Ordinal).ThenBy(p => p.Key.Method, StringComparer.Ordinal).ToList();
        var grpc = _grpc.OrderBy(p => p.Key.Method, StringComparer.Ordinal).ToList();
        Counter(text, "dapr_http_server_request_count", "Number of HTTP requests completed by the Dapr API server.",
            http.Select(p => (HttpLabels(p.Key), p.Value.Snapshot().Count)));
        Histogram(text, "dapr_http_server_latency", "HTTP request latency in milliseconds.", http.Select(p => (HttpLabels(p.Key), p.Value)));
        Counter(text, "dapr_grpc_io_server_completed_rpcs", "Number of gRPC calls completed by the Dapr API server.",
            grpc.Select(p => (GrpcLabels(p.Key), p.Value.Snapshot().Count)));
        Histogram(text, "dapr_grpc_io_server_server_latency", "gRPC call latency in milliseconds.", grpc.Select(p => (GrpcLabels(p.Key), p.Value)));
        Counter(text, "dapr_component_pubsub_egress_count", "Number of messages published to pub/sub components.",
            _pubsubEgress.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).Select(p =>
                ($"app_id=\"{Escape(appId)}\",component=\"{Escape(p.Key.Component)}\",success=\"{p.Key.Success}\",topic=\"{Escape(p.Key.Topic)}\"", p.Value)));
        Counter(text, "dapr_component_pubsub_ingress_count", "Number of messages delivered to the app from pub/sub components.",
            _pubsubIngress.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).Select(p =>
                ($"app_id=\"{Escape(appId)}\",component=\"{Escape(p.Key.Component)}\",process_status=\"{Escape(p.Key.Status)}\",topic=\"{Escape(p.Key.Topic)}\"", p.Value)));
        return text.ToString();
    }

    private string HttpLabels(HttpKey key) =>
        $"app_id=\"{Escape(appId)}\",method=\"{Escape(key.Method)}\",path=\"{Escape(key.Path)}\",status=\"{key.Status.ToString(CultureInfo.InvariantCulture)}\"";

    private string GrpcLabels(GrpcKey key) =>
        $"app_id=\"{Escape(appId)}\",grpc_server_method=\"{Escape(key.Method)}\",grpc_server_status=\"{Escape(key.Status)}\"";

    private static void Counter(StringBuilder text, string name, string help, IEnumerable<(string Labels, long Value)> series) =>
        PrometheusText.Series(text, name, "counter", help, series.Select(s => (s.Labels, (double)s.Value)));

    private static void Histogram(StringBuilder text, string name, string help, IEnumerable<(string Labels, LatencyHistogram Histogram)> series) =>
        PrometheusText.Histogram(text, name, help, series);

    private static string Escape(string value) => PrometheusText.Escape(value);

    private readonly record struct HttpKey(string Method, string Path, int Status);

    private readonly record struct GrpcKey(string Method, string Status);
}
