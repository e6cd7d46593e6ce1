using System.Security.Claims;
using FinFlow.Credit.Decisions;
using FinFlow.Credit.Hosting;
using FinFlow.Credit.Scoring;
using FinFlow.ServiceDefaults.Authentication;

namespace FinFlow.Credit.Scores;

/// <summary><c>POST /credit/score</c>: score the business described in the body, audit the decision, explain it.</summary>
public static class ScoreEndpoints
{
    public static IEndpointRouteBuilder MapScoreEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/credit/score", ScoreAsync)
            .WithTags("Scoring").RequireAuthorization()
            .Produces<ScoreResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    // The body is optional so that an empty one is answered like any other: a 400 naming each missing field.
    private static async Task<IResult> ScoreAsync(
        ScoreRequest? request, ClaimsPrincipal user, CreditModelHost host, DecisionStore decisions, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        if (host.Model is not { } model) return CreditProblems.ModelNotLoaded();
        var features = (request ?? new ScoreRequest(null, null, null, null)).ToFeatures();
        CreditAssessment assessment;
        try
        {
            assessment = model.Score(features);
        }
        catch (CreditInputException e)
        {
            return CreditProblems.Input(e);
        }

        var decision = await decisions.RecordAsync(DecisionKind.Score, userId, features, assessment, capacity: null, cancellationToken);
        return TypedResults.Ok(new ScoreResponse(
            assessment.CreditScore, assessment.ProbabilityOfDefault, assessment.RiskBand, assessment.Reasons, assessment.ModelVersion, decision.Id));
    }
}
