using FinFlow.Credit.Assessment;
using FinFlow.Credit.Decisions;
using FinFlow.Credit.Hosting;
using FinFlow.Credit.Offers;
using FinFlow.Credit.Scores;
using FinFlow.Data;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddValidation();
builder.AddServiceDatabase("credit", typeof(Program).Assembly);
builder.AddFinFlowJwtAuthentication();
builder.AddCredit();

var app = builder.Build();
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseDaprAppToken();
app.UseAuthentication();
app.UseAuthorization();
app.MapScoreEndpoints();
app.MapAssessEndpoints();
app.MapOffersEndpoints();
app.MapDecisionEndpoints();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it.</summary>
public partial class Program;
