using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>The web tests share one accounting app and database.</summary>
[CollectionDefinition(Name)]
public sealed class AccountingSuite : ICollectionFixture<AccountingFixture>
{
    public const string Name = "accounting-web";
}
