using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Support;

namespace FinFlow.Data;

/// <summary>
/// Applies numbered SQL scripts embedded under a <c>Migrations</c> folder: FinFlow.Data's own
/// (outbox, inbox) first, then the service's, each script once and in its own transaction.
/// </summary>
public static class DatabaseMigrator
{
    public static void Migrate(string connectionString, Assembly? serviceMigrations)
    {
        var builder = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, IsMigration, Group(0));
        if (serviceMigrations is not null && serviceMigrations != typeof(DatabaseMigrator).Assembly)
        {
            builder = builder.WithScriptsEmbeddedInAssembly(serviceMigrations, IsMigration, Group(1));
        }

        var result = builder
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }

    private static bool IsMigration(string resourceName) =>
        resourceName.Contains(".Migrations.", StringComparison.Ordinal)
        && resourceName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    private static SqlScriptOptions Group(int order) => new() { ScriptType = ScriptType.RunOnce, RunGroupOrder = order };
}
