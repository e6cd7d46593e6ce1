using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Auth.Hosting;

/// <summary>
/// The built-in validation names fields after the C# properties ("Email"), while the API speaks camelCase
/// JSON ("email"); error keys are rewritten so clients can match them to the fields they sent.
/// </summary>
public static class CamelCaseValidationErrors
{
    public static IServiceCollection AddCamelCaseValidationErrors(this IServiceCollection services)
    {
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var inner = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                inner?.Invoke(context);
                if (context.ProblemDetails is HttpValidationProblemDetails validation) Rewrite(validation.Errors);
            };
        });
        return services;
    }

    private static void Rewrite(IDictionary<string, string[]> errors)
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
