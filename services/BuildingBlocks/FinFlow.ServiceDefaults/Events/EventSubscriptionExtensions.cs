using System.Text.Json;
using Dapr;
using FinFlow.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinFlow.ServiceDefaults.Events;

public static class EventSubscriptionExtensions
{
    /// <summary>Where subscription routes live: outside every service's public <c>/{service}</c> prefix, so the gateway cannot reach them.</summary>
    public const string PathPrefix = "/events";

    // Daprd marks service invocation with the caller's app id; pub/sub deliveries carry none.
    private const string CallerAppIdHeader = "dapr-caller-app-id";

    /// <summary>
    /// Unwraps CloudEvents on <see cref="PathPrefix"/> (the event id travels as the <c>Cloudevent.id</c> header)
    /// and serves <c>/dapr/subscribe</c>. Call before mapping subscriptions.
    /// </summary>
    public static WebApplication UseEventSubscriptions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.Ordinal),
            events => events.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true }));
        app.MapSubscribeHandler();
        return app;
    }

    /// <summary>
    /// Subscribes <paramref name="handle"/> to <typeparamref name="TEvent"/>'s topic on the platform pub/sub, with
    /// its dead-letter topic. The handler gets the CloudEvent id (for the inbox) and the event; unreadable events
    /// are dropped to the dead-letter topic, and requests that came by service invocation are refused with 403.
    /// </summary>
    public static RouteHandlerBuilder MapEventSubscription<TEvent>(
        this IEndpointRouteBuilder routes, string path, Func<IServiceProvider, string, TEvent, CancellationToken, Task<DeliveryVerdict>> handle)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(handle);
        if (!path.StartsWith(PathPrefix + "/", StringComparison.Ordinal)) throw new ArgumentException($"Subscription paths start with {PathPrefix}/.", nameof(path));
        return routes.MapPost(path, async (HttpContext context) =>
            {
                if (context.Request.Headers.ContainsKey(CallerAppIdHeader))
                {
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Events are accepted from pub/sub delivery only.");
                }

                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventSubscriptionExtensions));
                var eventId = context.Request.Headers["Cloudevent.id"].ToString();
                TEvent? message = null;
                try
                {
                    message = await JsonSerializer.DeserializeAsync<TEvent>(context.Request.Body, EventJson.Options, context.RequestAborted);
                }
                catch (JsonException e)
                {
                    logger.LogError(e, "Unreadable {Topic} event {EventId}", TEvent.Topic, eventId);
                }

                if (message is null || string.IsNullOrEmpty(eventId))
                {
                    logger.LogError("{Topic} event {EventId} without readable data or id: sent to the dead-letter topic", TEvent.Topic, eventId);
                    return Reply(DeliveryVerdict.Drop);
                }

                return Reply(await handle(context.RequestServices, eventId, message, context.RequestAborted));
            })
            .WithTopic(new TopicOptions { PubsubName = DaprComponents.PubSub, Name = TEvent.Topic, DeadLetterTopic = Topics.DeadLetter(TEvent.Topic) })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static IResult Reply(DeliveryVerdict verdict) => Results.Ok(new { status = verdict.ToString().ToUpperInvariant() });
}
