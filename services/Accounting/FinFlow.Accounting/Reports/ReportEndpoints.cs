using System.Security.Claims;
using FinFlow.Accounting.Hosting;
using Npgsql;

namespace FinFlow.Accounting.Reports;

/// <summary>Trial balance, receivables aging and the cash-flow series; all read the owner's books only (ADMIN: <c>?userId=</c>).</summary>
public static class ReportEndpoints
{
    /// <summary>Ten years of days: enough for any dashboard, small enough to answer at once.</summary>
    public const int MaxRangeDays = 3660;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/accounting").WithTags("Reports").RequireAuthorization();
        group.MapGet("/trial-balance", TrialBalanceAsync).Produces<TrialBalance>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/reports/aging", AgingAsync).Produces<AgingReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/reports/cash-flow", CashFlowAsync).Produces<CashFlowReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<IResult> TrialBalanceAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken,
        string? asOf = null, string? currency = null, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        var date = Today(time);
        if (asOf is not null && !QueryDates.TryParse(asOf, out date)) return AccountingProblems.Field("asOf", "Use yyyy-MM-dd.");
        var (books, problem) = await BooksCurrency.ResolveAsync(db, owner, currency, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(await ReportStore.TrialBalanceAsync(db, owner, books, date, cancellationToken));
    }

    private static async Task<IResult> AgingAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken, string? asOf = null, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        var date = Today(time);
        if (asOf is not null && !QueryDates.TryParse(asOf, out date)) return AccountingProblems.Field("asOf", "Use yyyy-MM-dd.");
        return TypedResults.Ok(await ReportStore.AgingAsync(db, owner, date, cancellationToken));
    }

    private static async Task<IResult> CashFlowAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? granularity = null, string? currency = null, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        var end = Today(time);
        if (to is not null && !QueryDates.TryParse(to, out end)) return AccountingProblems.Field("to", "Use yyyy-MM-dd.");
        var start = end.AddDays(-89);
        if (from is not null && !QueryDates.TryParse(from, out start)) return AccountingProblems.Field("from", "Use yyyy-MM-dd.");
        if (start > end) return AccountingProblems.Field("to", "The end date is before the start date.");
        if (end.DayNumber - start.DayNumber >= MaxRangeDays) return AccountingProblems.Field("from", $"The range is at most {MaxRangeDays} days.");
        var unit = CashFlowGranularity.Day;
        if (granularity is not null && !TryParseGranularity(granularity, out unit))
        {
            return AccountingProblems.Field("granularity", "The granularity is day, week or month.");
        }

        var (books, problem) = await BooksCurrency.ResolveAsync(db, owner, currency, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(await ReportStore.CashFlowAsync(db, owner, books, start, end, unit, cancellationToken));
    }

    private static bool TryParseGranularity(string text, out CashFlowGranularity granularity)
    {
        granularity = text switch
        {
            "day" => CashFlowGranularity.Day,
            "week" => CashFlowGranularity.Week,
            "month" => CashFlowGranularity.Month,
            _ => (CashFlowGranularity)(-1),
        };
        return Enum.IsDefined(granularity);
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
