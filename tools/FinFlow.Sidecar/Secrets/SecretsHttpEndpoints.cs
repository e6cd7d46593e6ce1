using System.Text.Json;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Secrets;

/// <summary><c>GET /v1.0/secrets/{store}/{name}</c> and <c>GET /v1.0/secrets/{store}/bulk</c>.</summary>
public static class SecretsHttpEndpoints
{
    public static void Map(SidecarEndpoints endpoints, SecretsApi api)
    {
        // The literal "bulk" segment wins over the parameter in ASP.NET Core routing, as in daprd's router.
        endpoints.Http.MapGet("/v1.0/secrets/{storeName}/bulk", HttpApi.Handle(async context =>
        {
            var secrets = await api.GetBulkAsync(Route(context, "storeName"), HttpApi.QueryMetadata(context), context.RequestAborted);
            await WriteJsonAsync(context, writer =>
            {
                writer.WriteStartObject();
                foreach (var (name, values) in secrets)
                {
                    writer.WritePropertyName(name);
                    WriteMap(writer, values);
                }

                writer.WriteEndObject();
            });
        }));

        endpoints.Http.MapGet("/v1.0/secrets/{storeName}/{name}", HttpApi.Handle(async context =>
        {
            var secret = await api.GetAsync(Route(context, "storeName"), Route(context, "name"), HttpApi.QueryMetadata(context), context.RequestAborted);
            await WriteJsonAsync(context, writer => WriteMap(writer, secret));
        }));
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";
}
