using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FinFlow.Sidecar.Api;

/// <summary>
/// An API error with both of daprd's faces: the HTTP status plus <c>errorCode</c> body, and the gRPC
/// status code. Building blocks throw it; the HTTP and gRPC adapters render it.
/// </summary>
public sealed class DaprApiException(string errorCode, string message, int httpStatus, StatusCode grpcStatus, Exception? inner = null)
    : Exception(message, inner)
{
    public string ErrorCode { get; } = errorCode;

    public int HttpStatus { get; } = httpStatus;

    public StatusCode GrpcStatus { get; } = grpcStatus;

    /// <summary>The gRPC form, with a google.rpc.ErrorInfo in grpc-status-details-bin as daprd sends it.</summary>
    public RpcException ToRpcException()
    {
        var details = new Google.Rpc.Status
        {
            Code = (int)GrpcStatus,
            Message = Message,
            Details =
            {
                Any.Pack(new Google.Rpc.ErrorInfo { Reason = ErrorCode, Domain = "dapr.io" }),
            },
        };
        var trailers = new global::Grpc.Core.Metadata { { "grpc-status-details-bin", details.ToByteArray() } };
        return new RpcException(new Status(GrpcStatus, Message), trailers);
    }
}
