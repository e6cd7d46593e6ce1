using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.ServiceDefaults;

/// <summary>Every error leaves as RFC 7807 problem details carrying the trace id, never as a stack trace.</summary>
public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddProblemDetailsForEveryError(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions["traceId"] = traceId;
            if (context.ProblemDetails is HttpValidationProblemDetails validation) CamelCaseKeys(validation.Errors);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Built-in validation names fields after C# properties ("Email.Domain"); the API speaks camelCase JSON, so
    /// error keys are rewritten ("email.domain") for clients to match them to the fields they sent.
    /// </summary>
    private static void CamelCaseKeys(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var camel = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (camel == key) continue;
            var messages = errors[key];
            errors.Remove(key);
            errors[camel] = errors.TryGetValue(camel, out var existing) ? [.. existing, .. messages] : messages;
        }
    }
}
