using FinFlow.Auth.Audit;
using FinFlow.Auth.Hosting;
using FinFlow.Auth.Passwords;
using FinFlow.Auth.Users;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FinFlow.Auth.Registration;

/// <summary><c>POST /auth/register</c>: a new USER account.</summary>
public static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGroup("/auth").WithTags("Registration")
            .MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimiting.PolicyName);
        return routes;
    }

    private static async Task<Results<Created<RegisteredUser>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, NpgsqlDataSource db, UserStore users, Argon2idPasswordHasher hasher, AuditLog audit, HttpContext context)
    {
        var email = request.Email!.Trim();
        if (PasswordPolicy.Check(request.Password!, email) is { } weakness) return AuthProblems.Field("password", weakness);

        var hash = await hasher.HashAsync(request.Password!);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var user = await users.InsertAsync(connection, transaction, email, hash, FinFlowRoles.User);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account with this email already exists.");
        }

        await audit.WriteAsync(connection, transaction, AuditActions.Registered, RequestOrigin.From(context), user.Id, user.Email);
        await transaction.CommitAsync();
        return TypedResults.Created($"/auth/users/{user.Id}", new RegisteredUser(user.Id, user.Email));
    }
}
