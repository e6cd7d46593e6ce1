using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Dapr.Actors 1.18.7 joins its default endpoint (which ends in '/') and '/v1.0/actors/…', so every call from
/// an actor app arrives as <c>//v1.0/actors/…</c>; daprd's router cleans such paths. Only actor API paths
/// are cleaned here, so no other building block's routing changes.
/// </summary>
public sealed class ActorPathCleaning : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.StartsWith("//", StringComparison.Ordinal))
            {
                var cleaned = "/" + path.TrimStart('/');
                if (cleaned.StartsWith("/v1.0/actors/", StringComparison.Ordinal)) context.Request.Path = new PathString(cleaned);
            }

            return following(context);
        });
        next(app);
    };
}
