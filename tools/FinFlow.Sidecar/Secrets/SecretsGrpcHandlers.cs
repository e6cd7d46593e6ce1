using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api.DaprGrpc;

namespace FinFlow.Sidecar.Secrets;

/// <summary>gRPC <c>GetSecret</c> and <c>GetBulkSecret</c>.</summary>
public static class SecretsGrpcHandlers
{
    public static void Map(DaprGrpcMethods grpc, SecretsApi api)
    {
        grpc.MapUnary<GetSecretRequest, GetSecretResponse>("GetSecret", async (request, call) =>
        {
            var secret = await api.GetAsync(request.StoreName, request.Key, request.Metadata, call.CancellationToken);
            var response = new GetSecretResponse();
            response.Data.Add(secret.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
            return response;
        });

        grpc.MapUnary<GetBulkSecretRequest, GetBulkSecretResponse>("GetBulkSecret", async (request, call) =>
        {
            var secrets = await api.GetBulkAsync(request.StoreName, request.Metadata, call.CancellationToken);
            var response = new GetBulkSecretResponse();
            foreach (var (name, values) in secrets)
            {
                var entry = new SecretResponse();
                entry.Secrets.Add(values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
                response.Data[name] = entry;
            }

            return response;
        });
    }
}
