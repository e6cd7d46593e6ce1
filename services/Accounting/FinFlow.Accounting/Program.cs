using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Invoices;
using FinFlow.Accounting.Ledger;
using FinFlow.Accounting.Payments;
using FinFlow.Accounting.Reports;
using FinFlow.Data;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;
using FinFlow.ServiceDefaults.Events;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddValidation();
// The ledger and invoice migrations live in the domain assembly, next to the rules they enforce.
builder.AddServiceDatabase("accounting", typeof(JournalEntry).Assembly);
builder.AddFinFlowJwtAuthentication();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseDaprAppToken();
app.UseAuthentication();
app.UseAuthorization();
app.UseEventSubscriptions();
app.MapInvoiceEndpoints();
app.MapLedgerEndpoints();
app.MapReportEndpoints();
app.MapUnmatchedPaymentEndpoints();
app.MapPaymentEventEndpoints();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it.</summary>
public partial class Program;
