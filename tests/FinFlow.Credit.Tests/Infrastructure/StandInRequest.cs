namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>What reached the stand-in: the route with its query, the caller's bearer token, the app token, the calling app id the sidecar vouched for, and a POST's body.</summary>
public sealed record StandInRequest(Guid? UserId, string Method, string PathAndQuery, string Authorization, string AppToken, string CallerAppId, string Body);
