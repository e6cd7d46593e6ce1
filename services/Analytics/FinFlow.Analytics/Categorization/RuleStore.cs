using Dapper;
using FinFlow.Analytics.Categorization.Rules;
using Npgsql;

namespace FinFlow.Analytics.Categorization;

/// <summary>A user's correction rules in the analytics database: read per request (they are few), written on feedback.</summary>
public static class RuleStore
{
    private static readonly string[] Kinds = ["exact", "merchant"];

    private const string ReadSql = "SELECT kind, key, category FROM category_rules WHERE user_id = @UserId";

    private const string UpsertSql = """
        INSERT INTO category_rules (user_id, kind, key, category, updated_at)
        SELECT @UserId, r.kind, r.key, @Category, now() FROM unnest(@Kinds, @Keys) AS r (kind, key) WHERE r.key <> ''
        ON CONFLICT (user_id, kind, key) DO UPDATE SET category = EXCLUDED.category, updated_at = EXCLUDED.updated_at
        """;

    public static async Task<UserRuleBook> LoadAsync(NpgsqlDataSource db, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var book = new UserRuleBook();
        foreach (var (kind, key, category) in await connection.QueryAsync<(string, string, string)>(
                     new CommandDefinition(ReadSql, new { UserId = userId }, cancellationToken: cancellationToken)))
        {
            if (kind == "exact") book.AddExact(key, category);
            else book.AddMerchant(key, category);
        }

        return book;
    }

    public static async Task SaveAsync(NpgsqlDataSource db, Guid userId, string exactKey, string merchantKey, string category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            UpsertSql, new { UserId = userId, Category = category, Kinds, Keys = new[] { exactKey, merchantKey } },
            cancellationToken: cancellationToken));
    }
}
