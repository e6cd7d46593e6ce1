using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FinFlow.Contracts;
using FinFlow.Payments.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace FinFlow.Payments.Charges;

/// <summary>
/// A charge's answer, kept as the exact JSON sent so that a repeated request with the same key gets the same
/// bytes back. <see cref="Keep"/> says whether it is stored under the key: final answers are, answers that
/// leave the outcome open (503) are not, so a retry can still finish the work.
/// </summary>
public sealed record ChargeAnswer(int StatusCode, string Body, string ContentType, bool Keep, string? Location = null, bool Replayed = false) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const string ProblemContentType = "application/problem+json";

    public StoredAnswer ToStored() => new(StatusCode, Body, ContentType, Location);

    public static ChargeAnswer FromStored(StoredAnswer stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new ChargeAnswer(stored.StatusCode, stored.Body, stored.ContentType, Keep: false, stored.Location, Replayed: true);
    }

    public static ChargeAnswer Created<T>(T body, string location) =>
        new(StatusCodes.Status201Created, JsonSerializer.Serialize(body, EventJson.Options), "application/json", Keep: true, location);

    public static ChargeAnswer Problem(int statusCode, string title, string? detail, bool keep) =>
        new(statusCode, Serialize(new ProblemDetails { Status = statusCode, Title = title, Detail = detail }), ProblemContentType, keep);

    public static ChargeAnswer FieldProblem(int statusCode, string field, string message, bool keep) =>
        new(statusCode, Serialize(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = statusCode,
            Title = "The charge was refused.",
        }), ProblemContentType, keep);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (Location is not null) response.Headers.Location = Location;
        if (Replayed) response.Headers[ReplayedHeader] = "true";
        if (StatusCode is StatusCodes.Status409Conflict or StatusCodes.Status503ServiceUnavailable) response.Headers.RetryAfter = "1";
        await response.WriteAsync(Body, Encoding.UTF8, httpContext.RequestAborted);
    }

    private static string Serialize(ProblemDetails problem)
    {
        problem.Instance = "/payments/charge";
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString();
        return JsonSerializer.Serialize(problem, problem.GetType(), JsonSerializerOptions.Web);
    }
}
