using FinFlow.Testing;
using FinFlow.Payments.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>
/// With nothing secret in its configuration, the app takes its connection string, card-data key and webhook
/// secret from the Dapr secret store through the real sidecar, under the names <c>./finflow up</c> writes
/// (tools/FinFlow.Cli/Platform/PaymentsSecrets.cs and the launcher's <c>&lt;app&gt;-db</c>).
/// </summary>
[Collection(PlatformSuite.Name)]
public class SecretStoreTests(PaymentsPlatform platform)
{
    private static readonly string[] DaprVariables = ["DAPR_HTTP_PORT", "DAPR_GRPC_PORT", "DAPR_API_TOKEN"];

    [Fact]
    public async Task The_app_reads_its_database_and_keys_from_the_secret_store()
    {
        var settings = new Dictionary<string, string?>(platform.Settings);
        settings.Remove("ConnectionStrings:payments");
        settings.Remove("Payments:CardDataKey");
        settings.Remove("Payments:WebhookSecret");
        // The secret-store reader builds its own DaprClient, which (like the Dapr SDK everywhere) finds the
        // sidecar through the process environment; the launcher sets these variables for every app.
        var saved = DaprVariables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        foreach (var name in DaprVariables) Environment.SetEnvironmentVariable(name, platform.Settings[name]);
        PaymentsFactory app;
        try
        {
            app = new PaymentsFactory(settings, platform.Tokens.Jwks(), recorder: null);
            _ = app.Server;
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }

        await using (app)
        {
            var user = Guid.NewGuid();
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("dapr-api-token", PaymentsPlatform.AppToken);
            client.DefaultRequestHeaders.Authorization = new("Bearer", platform.Tokens.Token(user));
            var id = (await Api.ChargeAsync(client, platform.Invoice(user, 3m).Id, 3m, "pm_card_amex")).GetProperty("id").GetGuid();

            // Same database (payments-db), same card key: the main app reads what this one wrote.
            var seen = await Api.WaitForStatusAsync(platform.Client(user), id, "SUCCEEDED");
            Assert.Equal("amex", seen.GetProperty("card").GetProperty("brand").GetString());
        }
    }
}
