using FinFlow.Data;
using FinFlow.Payments.Charges;
using FinFlow.Payments.Hosting;
using FinFlow.Payments.Payments;
using FinFlow.Payments.Refunds;
using FinFlow.Payments.Webhooks;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddValidation();
builder.AddServiceDatabase("payments", typeof(Program).Assembly);
builder.AddFinFlowJwtAuthentication();
// After the database, so the webhook dispatcher and key purge start once the migrations are applied.
builder.AddPaymentsService();

var app = builder.Build();
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseDaprAppToken();
app.UseAuthentication();
app.UseAuthorization();
app.MapChargeEndpoints();
app.MapPaymentEndpoints();
app.MapRefundEndpoints();
app.MapWebhookEndpoints();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it.</summary>
public partial class Program;
