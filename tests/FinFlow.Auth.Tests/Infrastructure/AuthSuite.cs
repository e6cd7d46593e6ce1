using Xunit;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>Every class shares one auth app and database: starting PostgreSQL once keeps the suite fast.</summary>
[CollectionDefinition(Name)]
public sealed class AuthSuite : ICollectionFixture<AuthFixture>
{
    public const string Name = "auth";
}
