using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// daprd routes on a cleaned path (its CleanPathMiddleware), so <c>//v1.0/state/s</c> reaches the state API. SDKs rely on
/// it: Dapr.Actors 1.18.7 joins an endpoint ending in '/' with '/v1.0/actors/…'. Runs of slashes collapse to one before
/// routing (a startup filter, since WebApplication routes ahead of the app's own middleware).
/// </summary>
public sealed class DoubleSlashCleaning : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.Contains("//", StringComparison.Ordinal)) context.Request.Path = new PathString(Collapse(path));
            return following(context);
        });
        next(app);
    };

    private static string Collapse(string path)
    {
        var cleaned = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (c == '/' && cleaned.Length > 0 && cleaned[^1] == '/') continue;
            cleaned.Append(c);
        }

        return cleaned.ToString();
    }
}
