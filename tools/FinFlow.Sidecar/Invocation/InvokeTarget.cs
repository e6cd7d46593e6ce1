using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// Reads the target app id and the callee's path from an incoming HTTP request. The path comes from the
/// raw request target so encoded characters (%2F, %20, …) reach the callee exactly as the caller wrote
/// them; only a path with dot segments is taken in Kestrel's cleaned form, as daprd path-cleans it.
/// </summary>
public static class InvokeTarget
{
    private const string RoutePrefix = "/v1.0/invoke/";
    private const string BasicUser = "dapr-app-id";

    /// <summary>For <c>/v1.0/invoke/{appId}/method/{path}</c>: the part after <c>/method</c> plus the raw query.</summary>
    public static string MethodPathAndQuery(HttpContext context)
    {
        var (path, query) = RawPathAndQuery(context);
        var start = path.StartsWith(RoutePrefix, StringComparison.OrdinalIgnoreCase) ? path.IndexOf('/', RoutePrefix.Length) : -1;
        var method = start < 0 ? "/" : path[(start + "/method".Length)..];
        return (method.Length == 0 || method[0] != '/' ? "/" + method : method) + query;
    }

    /// <summary>For the header form: the whole request path is the method.</summary>
    public static string WholePathAndQuery(HttpContext context)
    {
        var (path, query) = RawPathAndQuery(context);
        return path + query;
    }

    /// <summary>The <c>dapr-app-id</c> header, or HTTP Basic credentials <c>dapr-app-id:&lt;appId&gt;</c>.</summary>
    public static (string? AppId, bool FromAuthorization) FromHeaders(IHeaderDictionary headers)
    {
        var header = headers[InvocationHeaders.AppId].ToString();
        if (header.Length > 0) return (header, false);
        var authorization = headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(authorization, out var value)
            || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return (null, false);
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && credentials[..colon] == BasicUser && colon < credentials.Length - 1
                ? (credentials[(colon + 1)..], true)
                : (null, false);
        }
        catch (FormatException)
        {
            return (null, false);
        }
    }

    private static (string Path, string Query) RawPathAndQuery(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/') return (context.Request.Path.ToUriComponent(), context.Request.QueryString.Value ?? "");
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? raw : raw[..queryStart];
        var query = queryStart < 0 ? "" : raw[queryStart..];
        if (HasDotSegment(path)) path = context.Request.Path.ToUriComponent();
        return (path, query);
    }

    private static bool HasDotSegment(string path) =>
        path.Contains("/./", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal)
        || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal)
        || path.Contains("%2e", StringComparison.OrdinalIgnoreCase);
}
