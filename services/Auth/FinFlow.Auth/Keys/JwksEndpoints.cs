using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FinFlow.Auth.Keys;

public static class JwksEndpoints
{
    public const string Path = "/.well-known/jwks.json";

    /// <summary>
    /// The public keys at <c>/auth/.well-known/jwks.json</c> (through the gateway) and at the root
    /// <c>/.well-known/jwks.json</c> (other services, through their sidecars). Cacheable for five minutes:
    /// validators refresh sooner on their own when they meet an unknown key id.
    /// </summary>
    public static IEndpointRouteBuilder MapJwksEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/auth" + Path, Serve).AllowAnonymous().WithTags("Keys").WithName("Jwks");
        routes.MapGet(Path, Serve).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static IResult Serve(SigningKeySet keys, HttpContext context)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=300";
        var document = new { keys = keys.All.Select(key => key.PublicJwk()).ToList() };
        return Results.Text(JsonSerializer.Serialize(document), "application/json");
    }
}
