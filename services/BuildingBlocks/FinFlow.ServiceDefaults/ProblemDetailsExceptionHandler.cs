using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace FinFlow.ServiceDefaults;

/// <summary>
/// Turns exceptions into problem details. Malformed requests become a 400 naming the JSON path at
/// fault; anything unexpected becomes a bare 500, logged here with its stack but never sent to the caller.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException badRequest => (ProblemDetails)BadRequest(badRequest),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; quote the traceId when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException exception)
    {
        // The JSON reader knows where the body went wrong ("$.amount"); clients can point at that field.
        var field = exception.InnerException is JsonException { Path: { } path } ? path.TrimStart('$', '.') : null;
        var problem = new HttpValidationProblemDetails
        {
            Status = exception.StatusCode,
            Title = exception.StatusCode == StatusCodes.Status400BadRequest ? "The request is malformed." : "The request was rejected.",
            Detail = exception.InnerException is JsonException ? "The request body is not valid JSON for this endpoint." : exception.Message,
        };
        if (!string.IsNullOrEmpty(field)) problem.Errors[field] = ["The value could not be read."];
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
