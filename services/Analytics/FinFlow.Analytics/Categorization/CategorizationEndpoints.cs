using System.Security.Claims;
using FinFlow.Analytics.Categorization.Rules;
using FinFlow.Analytics.Categorization.Taxonomy;
using FinFlow.ServiceDefaults.Authentication;
using Npgsql;

namespace FinFlow.Analytics.Categorization;

/// <summary>
/// <c>/analytics/categorize</c> (single and batch), <c>/analytics/categorize/feedback</c> and
/// <c>/analytics/categories</c>. The caller's own rules apply before the model; nobody else's ever do.
/// </summary>
public static class CategorizationEndpoints
{
    public const int MaxBatch = 1000;

    public static IEndpointRouteBuilder MapCategorizationEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/analytics").WithTags("Categorization").RequireAuthorization();
        group.MapPost("/categorize", CategorizeAsync).Produces<CategorizationResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/categorize/batch", CategorizeBatchAsync).Produces<IReadOnlyList<CategorizationResult>>().ProducesValidationProblem();
        group.MapPost("/categorize/feedback", FeedbackAsync).Produces<CategorizationResult>().ProducesValidationProblem();
        group.MapGet("/categories", () => TypedResults.Ok(CategoryTaxonomy.All
            .Select(c => new CategoryView(c.Name, c.Kind, c.MccRanges.Select(r => r.From == r.To ? $"{r.From:D4}" : $"{r.From:D4}-{r.To:D4}").ToList()))
            .Append(new CategoryView(CategoryTaxonomy.Income, "income", []))
            .ToList()));
        return routes;
    }

    private static async Task<IResult> CategorizeAsync(CategorizeRequest request, ClaimsPrincipal user, CategorizerHost host, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CategorizeLineValidation.Check(request, "", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var answers = await AnswerAsync([request], user, host, db, cancellationToken);
        return answers is null ? NotReady() : TypedResults.Ok(answers[0]);
    }

    private static async Task<IResult> CategorizeBatchAsync(CategorizeBatchRequest request, ClaimsPrincipal user, CategorizerHost host, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Items is null || request.Items.Count is 0 or > MaxBatch) errors["items"] = [$"Send 1 to {MaxBatch} items."];
        else for (var i = 0; i < request.Items.Count; i++) CategorizeLineValidation.Check(request.Items[i], $"items[{i}].", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var answers = await AnswerAsync(request.Items!.Select(i => i!).ToList(), user, host, db, cancellationToken);
        return answers is null ? NotReady() : TypedResults.Ok(answers);
    }

    private static async Task<IResult> FeedbackAsync(FeedbackRequest request, ClaimsPrincipal user, CategorizerHost host, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CategorizeLineValidation.Check(new CategorizeRequest(request.Description, null, null), "", errors);
        if (!CategoryTaxonomy.IsKnown(request.Category) || request.Category == CategoryTaxonomy.Uncategorized)
        {
            errors["category"] = ["The category must be one of GET /analytics/categories."];
        }

        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var book = new UserRuleBook();
        var (exact, merchant) = book.Learn(request.Description!, request.Category!);
        await RuleStore.SaveAsync(db, userId, exact, merchant, request.Category!, cancellationToken);
        return TypedResults.Ok(new CategorizationResult(request.Category!, 1.0, "rule"));
    }

    private static async Task<IReadOnlyList<CategorizationResult>?> AnswerAsync(
        IReadOnlyList<CategorizeRequest> lines, ClaimsPrincipal user, CategorizerHost host, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        if (host.Categorizer is not { } categorizer) return null;
        var rules = FinFlowUser.TryGetId(user, out var userId) ? await RuleStore.LoadAsync(db, userId, cancellationToken) : new UserRuleBook();
        return categorizer.Categorize(rules, lines.Select(l => (l.Description!, l.Mcc)).ToList());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotReady() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The categorization model is still loading; try again in a few seconds.");
}
