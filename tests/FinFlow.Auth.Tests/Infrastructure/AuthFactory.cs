using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>
/// The real auth app on its own database. Secrets arrive through configuration, as ConnectionStrings do.
/// The Argon2id cost is lowered here, through configuration only, to keep the suite fast on two cores;
/// the shipped default stays at OWASP's parameters.
/// </summary>
internal sealed class AuthFactory(string connectionString, int daprHttpPort, TestKeys keys, IReadOnlyDictionary<string, string>? extra = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "root-admin@finflow.test";
    public const string AdminPassword = "Adm1n-correct-horse-battery";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:auth", connectionString);
        builder.UseSetting("DAPR_HTTP_PORT", daprHttpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Service:Name", "auth");
        builder.UseSetting("Auth:SigningKeys", keys.SecretJson());
        builder.UseSetting("Auth:Admin", JsonSerializer.Serialize(new { email = AdminEmail, password = AdminPassword }));
        builder.UseSetting("Auth:PasswordHashing:MemoryKiB", "1024");
        builder.UseSetting("Auth:PasswordHashing:Iterations", "1");
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }
}
