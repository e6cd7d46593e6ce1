using System.Diagnostics;
using System.Text.Json;
using Dapper;
using FinFlow.Contracts;
using FinFlow.Credit.Money;
using FinFlow.Credit.Scoring;
using Npgsql;

namespace FinFlow.Credit.Decisions;

/// <summary>The decision audit in the credit database: one row per score or assessment, read back per user, newest first.</summary>
public sealed class DecisionStore(NpgsqlDataSource db, TimeProvider time)
{
    private const string Columns = """
        id, user_id AS UserId, kind, model_version AS ModelVersion, input_sha256 AS InputSha256, credit_score AS CreditScore,
        probability_of_default AS ProbabilityOfDefault, risk_band AS RiskBand, reasons::text AS Reasons, currency,
        avg_cashflow_minor AS AvgCashflowMinor, forecast_p10_minor AS ForecastP10Minor, created_at AS CreatedAt
        """;

    private const string InsertSql = """
        INSERT INTO credit_decisions (id, user_id, kind, model_version, input_sha256, credit_score, probability_of_default, risk_band,
                                      reasons, currency, avg_cashflow_minor, forecast_p10_minor, trace_id, created_at)
        VALUES (@Id, @UserId, @Kind, @ModelVersion, @InputSha256, @CreditScore, @ProbabilityOfDefault, @RiskBand,
                CAST(@Reasons AS jsonb), @Currency, @AvgCashflowMinor, @ForecastP10Minor, @TraceId, @CreatedAt)
        """;

    private const string PageSql = $"""
        SELECT {Columns} FROM credit_decisions WHERE user_id = @UserId
        ORDER BY created_at DESC, id DESC LIMIT @Limit OFFSET @Offset
        """;

    private const string CountSql = "SELECT count(*) FROM credit_decisions WHERE user_id = @UserId";

    private const string LatestAssessmentSql = $"""
        SELECT {Columns} FROM credit_decisions WHERE user_id = @UserId AND kind = 'assess'
        ORDER BY created_at DESC, id DESC LIMIT 1
        """;

    /// <summary>Stores the decision; <paramref name="capacity"/> is given for assessments only.</summary>
    public async Task<RecordedDecision> RecordAsync(
        string kind, Guid userId, BusinessFeatures features, CreditAssessment assessment, AssessmentCapacity? capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var now = time.GetUtcNow();
        // PostgreSQL keeps microseconds; the row must read back as it was written.
        var createdAt = now.AddTicks(-(now.Ticks % 10));
        var id = Guid.CreateVersion7(now);
        var currency = capacity?.Currency;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = id,
            UserId = userId,
            Kind = kind,
            assessment.ModelVersion,
            InputSha256 = CanonicalInput.Sha256(features),
            assessment.CreditScore,
            assessment.ProbabilityOfDefault,
            RiskBand = assessment.RiskBand.ToString(),
            Reasons = JsonSerializer.Serialize(assessment.Reasons.Select(reason => new StoredReason(reason.Code, reason.Impact)), EventJson.Options),
            Currency = currency,
            AvgCashflowMinor = capacity is null ? (long?)null : MinorUnits.ToMinor(capacity.AvgCashflow, currency),
            ForecastP10Minor = capacity?.ForecastP10 is { } p10 ? MinorUnits.ToMinor(p10, currency) : (long?)null,
            TraceId = Activity.Current?.TraceId.ToString(),
            CreatedAt = createdAt.UtcDateTime,
        }, cancellationToken: cancellationToken));
        return new RecordedDecision(id, createdAt);
    }

    public async Task<(IReadOnlyList<DecisionRow> Rows, long Total)> ListAsync(Guid owner, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            PageSql, new { UserId = owner, Limit = pageSize, Offset = (long)(page - 1) * pageSize }, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, new { UserId = owner }, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }

    public async Task<StoredAssessment?> LatestAssessmentAsync(Guid owner, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DecisionRow>(new CommandDefinition(
            LatestAssessmentSql, new { UserId = owner }, cancellationToken: cancellationToken));
        return row?.ToAssessment();
    }
}
