using FinFlow.Data;
using FinFlow.ServiceDefaults;
using FinFlow.ServiceDefaults.SampleService.Notes;
using Microsoft.AspNetCore.Authentication;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddValidation();
builder.AddServiceDatabase("sample", typeof(Program).Assembly);
builder.Services.AddAuthentication(HeaderRoleAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, HeaderRoleAuthenticationHandler>(HeaderRoleAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapNotesEndpoints();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it.</summary>
public partial class Program;
