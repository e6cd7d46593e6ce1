using Xunit;

namespace FinFlow.Analytics.Tests;

/// <summary>The web tests share one analytics app (its model trains once).</summary>
[CollectionDefinition(Name)]
public sealed class AnalyticsSuite : ICollectionFixture<AnalyticsFixture>
{
    public const string Name = "analytics-web";
}
