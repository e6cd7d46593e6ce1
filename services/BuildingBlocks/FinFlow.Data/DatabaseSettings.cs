using System.Reflection;

namespace FinFlow.Data;

/// <summary>The service's own database: its connection string and the assembly holding its migrations.</summary>
public sealed record DatabaseSettings(string ConnectionString, Assembly? Migrations);
