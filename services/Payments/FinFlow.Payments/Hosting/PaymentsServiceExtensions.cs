using Dapr.Client;
using FinFlow.Contracts;
using FinFlow.Payments.Audit;
using FinFlow.Payments.CardData;
using FinFlow.Payments.Charges;
using FinFlow.Payments.Idempotency;
using FinFlow.Payments.Invoices;
using FinFlow.Payments.Payments;
using FinFlow.Payments.Processing;
using FinFlow.Payments.Processing.Simulated;
using FinFlow.Payments.Processing.StripeAdapter;
using FinFlow.Payments.Refunds;
using FinFlow.Payments.Webhooks;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;
using Stripe;

namespace FinFlow.Payments.Hosting;

public static class PaymentsServiceExtensions
{
    /// <summary>Secret names in the Dapr secret store; tests set the configuration keys directly instead.</summary>
    public const string CardKeySecret = "payments-card-key";
    public const string WebhookSecretName = "payments-webhook-secret";
    public const string StripeApiKeySecret = "payments-stripe-api-key";

    /// <summary>
    /// Everything payments needs beyond the service defaults and its database. Secrets are read and checked
    /// here, so a missing key stops the start instead of failing the first charge.
    /// </summary>
    public static WebApplicationBuilder AddPaymentsService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var useStripe = string.Equals(configuration[$"{PaymentsOptions.SectionName}:Processor"], PaymentsOptions.StripeProcessor, StringComparison.OrdinalIgnoreCase);
        var secrets = new Dictionary<string, string>
        {
            [CardKeySecret] = $"{PaymentsOptions.SectionName}:CardDataKey",
            [WebhookSecretName] = $"{PaymentsOptions.SectionName}:WebhookSecret",
        };
        // The Stripe key is asked for only when Stripe is the processor: local runs have none.
        if (useStripe) secrets[StripeApiKeySecret] = $"{PaymentsOptions.SectionName}:Stripe:ApiKey";
        configuration.AddDaprSecrets(DaprComponents.SecretStore, secrets);

        var options = new PaymentsOptions();
        configuration.GetSection(PaymentsOptions.SectionName).Bind(options);
        Validate(options, useStripe);

        var services = builder.Services;
        services.AddOptions<PaymentsOptions>().Bind(configuration.GetSection(PaymentsOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(CardDataProtector.FromBase64(options.CardDataKey));
        services.AddSingleton<PaymentViews>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<IdempotencyKeyPurge>();
        services.AddSingleton<ChargeFlow>();
        services.AddSingleton<StalledChargeRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<StalledChargeRecovery>());
        services.AddSingleton<RefundFlow>();
        services.AddSingleton<WebhookProcessor>();

        var sidecar = JwksAddress.SidecarBase(configuration).ToString().TrimEnd('/');
        var daprApiToken = configuration["DAPR_API_TOKEN"];
        // CreateInvokeHttpClient does not read DAPR_API_TOKEN by itself: without passing it, a sidecar that
        // requires the token answers 401 to every invocation.
        services.AddSingleton(sp => new AccountingInvoices(
            WithTimeout(DaprClient.CreateInvokeHttpClient(AppIds.Accounting, sidecar, daprApiToken), TimeSpan.FromSeconds(10)),
            sp.GetRequiredService<ILogger<AccountingInvoices>>()));

        if (useStripe) AddStripe(services, options.Stripe);
        else AddSimulated(services, options.Simulated, sidecar, daprApiToken);
        return builder;
    }

    private static void AddSimulated(IServiceCollection services, SimulatedProcessorOptions simulated, string sidecar, string? daprApiToken)
    {
        services.AddSingleton<IPaymentProcessor, SimulatedPaymentProcessor>();
        services.AddSingleton(_ => simulated.WebhookUrl is { } url
            ? new SimulatedWebhookSender(WithTimeout(new HttpClient(), TimeSpan.FromSeconds(10)), url)
            // Through this app's own sidecar, the way Stripe's webhooks reach it through the gateway.
            : new SimulatedWebhookSender(
                WithTimeout(DaprClient.CreateInvokeHttpClient(AppIds.Payments, sidecar, daprApiToken), TimeSpan.FromSeconds(10)),
                new Uri($"http://{AppIds.Payments}/payments/webhook")));
        services.AddSingleton<SimulatedWebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatedWebhookDispatcher>());
    }

    private static void AddStripe(IServiceCollection services, StripeProcessorOptions stripe)
    {
        services.AddSingleton<IStripeClient>(_ => new StripeClient(
            stripe.ApiKey,
            httpClient: new SystemNetHttpClient(WithTimeout(new HttpClient(), TimeSpan.FromSeconds(stripe.TimeoutSeconds)), stripe.MaxNetworkRetries, enableTelemetry: false),
            apiBase: stripe.ApiBase?.ToString().TrimEnd('/')));
        services.AddSingleton<IPaymentProcessor, StripePaymentProcessor>();
    }

    private static void Validate(PaymentsOptions options, bool useStripe)
    {
        if (!useStripe && !string.Equals(options.Processor, PaymentsOptions.SimulatedProcessor, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"'Payments:Processor' is '{options.Processor}'; expected 'simulated' or 'stripe'.");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            throw new InvalidOperationException($"No webhook secret: set secret '{WebhookSecretName}' (configuration 'Payments:WebhookSecret').");
        }

        if (useStripe && string.IsNullOrWhiteSpace(options.Stripe.ApiKey))
        {
            throw new InvalidOperationException($"Processor 'stripe' needs secret '{StripeApiKeySecret}' (configuration 'Payments:Stripe:ApiKey').");
        }

        if (options.WebhookToleranceSeconds is < 1 or > 3600) throw new InvalidOperationException("'Payments:WebhookToleranceSeconds' must be 1 to 3600.");
        if (options.StalledChargeSeconds <= options.Idempotency.LeaseSeconds)
        {
            throw new InvalidOperationException("'Payments:StalledChargeSeconds' must be longer than 'Payments:Idempotency:LeaseSeconds'.");
        }

        if (options.Idempotency.RetentionHours < IdempotencyOptions.MinimumRetentionHours)
        {
            throw new InvalidOperationException($"'Payments:Idempotency:RetentionHours' must be at least {IdempotencyOptions.MinimumRetentionHours}.");
        }
    }

    private static HttpClient WithTimeout(HttpClient client, TimeSpan timeout)
    {
        client.Timeout = timeout;
        return client;
    }
}
