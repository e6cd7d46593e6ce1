using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Invocation.Resiliency;

/// <summary>
/// The resiliency policy of one target app (contract §6.3): a timeout per attempt, retries exactly as the
/// retry policy says (no built-in extra retries, so a non-idempotent call is repeated only when the
/// policy asks for it), and a circuit breaker. As in daprd, an answer of 400 or more is a "code error":
/// retried only if the policy's <c>matching.httpStatusCodes</c> allows it (all of them when the list is
/// empty), and passed through unchanged when the retries are used up.
/// </summary>
public sealed class AppInvocationPolicy(string appId, TimeSpan? timeout, RetryPolicy? retry, CircuitBreaker? breaker)
{
    private static readonly TimeSpan ExponentialStart = TimeSpan.FromMilliseconds(500);

    public string AppId { get; } = appId;

    public TimeSpan? Timeout { get; } = timeout;

    public RetryPolicy? Retry { get; } = retry;

    public CircuitBreaker? Breaker { get; } = breaker;

    /// <summary>True when a request body must be buffered so an attempt can be repeated.</summary>
    public bool MayRetry => Retry is { MaxRetries: not 0 };

    /// <summary>
    /// Runs attempts until one succeeds or the policy gives up. The returned token source (non-null with a
    /// timeout) still bounds the response body copy; the caller disposes it.
    /// </summary>
    public async Task<(HttpResponseMessage Response, CancellationTokenSource? Deadline)> ExecuteAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
    {
        var interval = Retry?.Policy == "exponential" ? ExponentialStart : Retry?.Duration ?? TimeSpan.Zero;
        for (var retries = 0; ; retries++)
        {
            if (Breaker is not null && !Breaker.TryEnter()) throw InvocationErrors.CircuitOpen(AppId);
            var deadline = Timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline?.CancelAfter(Timeout!.Value);
            HttpResponseMessage? response = null;
            DaprApiException? failure = null;
            try
            {
                response = await attempt(deadline?.Token ?? cancellationToken);
            }
            catch (OperationCanceledException) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
            {
                failure = InvocationErrors.Timeout(AppId, Timeout!.Value);
            }
            catch (HttpRequestException error)
            {
                failure = InvocationErrors.Failed(AppId, error.Message, error);
            }
            catch (DaprApiException error)
            {
                failure = error;
            }

            var status = response is null ? 0 : (int)response.StatusCode;
            var failed = failure is not null || status >= 400;
            Breaker?.Record(!failed);
            if (!failed) return (response!, deadline);

            var retriable = Retry is not null && (failure is not null || Matches(Retry, status))
                && (Retry.MaxRetries < 0 || retries < Retry.MaxRetries);
            if (!retriable)
            {
                if (failure is null) return (response!, deadline);
                deadline?.Dispose();
                throw failure;
            }

            response?.Dispose();
            deadline?.Dispose();
            await Task.Delay(interval, cancellationToken);
            interval = NextInterval(Retry!, interval);
        }
    }

    private static bool Matches(RetryPolicy retry, int status) =>
        retry.HttpStatusCodes.Count == 0 || retry.HttpStatusCodes.Any(range => range.Contains(status));

    private static TimeSpan NextInterval(RetryPolicy retry, TimeSpan previous)
    {
        if (retry.Policy != "exponential") return retry.Duration;
        // daprd's backoff: previous × 1.5, randomised by ±50 %, capped at maxInterval.
        var next = previous * 1.5 * (0.5 + Random.Shared.NextDouble());
        return next < retry.MaxInterval ? next : retry.MaxInterval;
    }
}
