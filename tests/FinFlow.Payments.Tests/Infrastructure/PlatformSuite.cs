using Xunit;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>The tests that need the running app share one platform (database, app, two sidecars, accounting stand-in).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformSuite : ICollectionFixture<PaymentsPlatform>
{
    public const string Name = "payments-platform";
}
