using System.Globalization;
using System.Security.Claims;
using FinFlow.Credit.Decisions;
using FinFlow.Credit.Hosting;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;

namespace FinFlow.Credit.Offers;

/// <summary><c>GET /credit/offers</c>: loans priced from risk for the caller's latest assessment, or an adverse-action notice.</summary>
public static class OffersEndpoints
{
    public static IEndpointRouteBuilder MapOffersEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/credit/offers", OffersAsync)
            .WithTags("Offers").RequireAuthorization()
            .Produces<OffersResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> OffersAsync(
        ClaimsPrincipal user, DecisionStore decisions, IOptions<OfferOptions> options, CancellationToken cancellationToken, string? termMonths = null)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        var terms = options.Value.TermsMonths;
        int? onlyTerm = null;
        if (termMonths is not null)
        {
            if (!QueryValues.TryInt(termMonths, 0, out var term) || !terms.Contains(term))
            {
                return CreditProblems.Field("termMonths", $"The term is one of {string.Join(", ", terms.Select(t => t.ToString(CultureInfo.InvariantCulture)))} months.");
            }

            onlyTerm = term;
        }

        var latest = await decisions.LatestAssessmentAsync(userId, cancellationToken);
        if (latest is null)
        {
            return CreditProblems.NotFound("You have no credit assessment yet.", "Offers are priced from your latest assessment: POST /credit/assess first.");
        }

        return TypedResults.Ok(OfferPricing.Price(latest, options.Value, onlyTerm));
    }
}
