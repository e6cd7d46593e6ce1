using FinFlow.Auth.Hosting;
using FinFlow.Auth.Keys;
using FinFlow.Auth.Registration;
using FinFlow.Auth.Sessions;
using FinFlow.Auth.Users;
using FinFlow.Data;
using FinFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddValidation();
builder.AddServiceDatabase("auth", typeof(Program).Assembly);
builder.AddAuthService();

var app = builder.Build();
app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseDaprAppToken();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapJwksEndpoints();
app.MapRegistrationEndpoints();
app.MapSessionEndpoints();
app.MapUserEndpoints();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it.</summary>
public partial class Program;
