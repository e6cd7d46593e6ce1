using System.Globalization;
using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Hosting;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Primitives;
using Verb = Dapr.Client.Autogen.Grpc.v1.HTTPExtension.Types.Verb;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// gRPC <c>InvokeService</c> (deprecated in daprd, still used by <c>InvokeMethodGrpcAsync</c>) against an HTTP
/// callee (contract §4.2): <c>http_extension</c> gives verb (POST when absent) and query, <c>data.value</c> is
/// the body. A non-2xx answer becomes the mapped gRPC status, with the HTTP status in <c>dapr-http-status</c>.
/// </summary>
public sealed class InvocationGrpcHandler(InvocationDispatcher dispatcher, SidecarOptions options)
{
    public const string HttpStatusHeader = "dapr-http-status";

    public async Task<InvokeResponse> InvokeAsync(InvokeServiceRequest request, ServerCallContext call)
    {
        var message = request.Message ?? new InvokeRequest();
        if (string.IsNullOrEmpty(request.Id)) throw InvocationErrors.NoAppId();
        var verb = message.HttpExtension is { Verb: not Verb.None } extension ? extension.Verb.ToString().ToUpperInvariant() : "POST";
        var query = message.HttpExtension?.Querystring is { Length: > 0 } q ? "?" + q.TrimStart('?') : "";
        var headers = Headers(call.RequestHeaders, message.ContentType);
        var http = call.GetHttpContext();
        var invocation = new InvocationCall
        {
            TargetAppId = request.Id,
            CallerAppId = options.AppId,
            Method = HttpMethod.Parse(verb),
            PathAndQuery = "/" + message.Method.TrimStart('/') + query,
            Headers = headers,
            TraceParent = call.RequestHeaders.GetValue(TraceContext.TraceParentHeader),
            TraceState = call.RequestHeaders.GetValue(TraceContext.TraceStateHeader),
            ClientAddress = http.Connection.RemoteIpAddress,
            Host = http.Request.Host.HasValue ? http.Request.Host.Value : null,
            BufferedBody = message.Data is { Value.Length: > 0 } data ? data.Value.Memory : null,
        };

        using var result = await dispatcher.SendAsync(invocation, call.CancellationToken);
        var response = result.Response;
        var body = await response.Content.ReadAsByteArrayAsync(result.Token(call.CancellationToken));
        var status = (int)response.StatusCode;
        if (status is < 200 or > 299)
        {
            var trailers = new global::Grpc.Core.Metadata { { HttpStatusHeader, status.ToString(CultureInfo.InvariantCulture) } };
            throw new RpcException(new Status(FromHttp(status), System.Text.Encoding.UTF8.GetString(body)), trailers);
        }

        return new InvokeResponse
        {
            Data = new Any { Value = UnsafeByteOperations.UnsafeWrap(body) },
            ContentType = response.Content.Headers.ContentType?.ToString() ?? "",
        };
    }

    private static List<KeyValuePair<string, StringValues>> Headers(global::Grpc.Core.Metadata metadata, string contentType)
    {
        var headers = new List<KeyValuePair<string, StringValues>>(metadata.Count + 1);
        foreach (var entry in metadata)
        {
            // The gRPC envelope's own headers say nothing about the HTTP call behind it.
            if (entry.IsBinary || entry.Key is "content-type" or "te" || entry.Key.StartsWith("grpc-", StringComparison.Ordinal)) continue;
            headers.Add(new(entry.Key, entry.Value));
        }

        if (contentType.Length > 0) headers.Add(new("content-type", contentType));
        return headers;
    }

    /// <summary>The mapping daprd uses for HTTP callees (grpc-gateway's table, read backwards).</summary>
    public static StatusCode FromHttp(int status) => status switch
    {
        400 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        409 => StatusCode.Aborted,
        412 => StatusCode.FailedPrecondition,
        416 => StatusCode.OutOfRange,
        429 => StatusCode.ResourceExhausted,
        499 => StatusCode.Cancelled,
        500 => StatusCode.Internal,
        501 => StatusCode.Unimplemented,
        503 => StatusCode.Unavailable,
        504 => StatusCode.DeadlineExceeded,
        _ => StatusCode.Unknown,
    };
}
