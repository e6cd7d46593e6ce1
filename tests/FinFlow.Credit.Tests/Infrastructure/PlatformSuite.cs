using Xunit;

namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>Every API test shares one platform: database, app, three sidecars and the books stand-in.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformSuite : ICollectionFixture<CreditPlatform>
{
    public const string Name = "credit-platform";
}
