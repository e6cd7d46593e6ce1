using System.Security.Claims;
using FinFlow.Auth.Audit;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FinFlow.Auth.Users;

/// <summary><c>GET /auth/me</c> for any signed-in user; listing accounts and changing roles for admins only.</summary>
public static class UserEndpoints
{
    public const string AdminPolicy = "admin";

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/auth").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", MeAsync);
        var admin = group.MapGroup("/users").RequireAuthorization(AdminPolicy);
        admin.MapGet("", ListAsync);
        admin.MapPut("/{id:guid}/role", ChangeRoleAsync);
        return routes;
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal, UserStore users)
    {
        var user = Guid.TryParse(principal.FindFirstValue(FinFlowClaims.Subject), out var id) ? await users.FindAsync(id) : null;
        // A valid token for an account that no longer exists: the caller must sign in again.
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The account no longer exists.")
            : TypedResults.Ok(UserView.From(user));
    }

    private static async Task<Results<Ok<UserPage>, ValidationProblem>> ListAsync(UserStore users, int? page, int? pageSize)
    {
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var errors = new Dictionary<string, string[]>();
        if (number < 1) errors["page"] = ["The page must be 1 or more."];
        if (size is < 1 or > 200) errors["pageSize"] = ["The page size must be between 1 and 200."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var (found, total) = await users.PageAsync(number, size);
        return TypedResults.Ok(new UserPage(found.Select(UserView.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<UserView>, NotFound>> ChangeRoleAsync(
        Guid id, ChangeRoleRequest request, NpgsqlDataSource db, UserStore users, AuditLog audit, ClaimsPrincipal principal, HttpContext context)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await users.FindAsync(id);
        var user = before is null ? null : await users.SetRoleAsync(connection, transaction, id, request.Role!);
        if (before is null || user is null) return TypedResults.NotFound();

        await audit.WriteAsync(connection, transaction, AuditActions.RoleChanged, RequestOrigin.From(context), user.Id, user.Email,
            new { from = before.Role, to = user.Role, by = principal.FindFirstValue(FinFlowClaims.Subject) });
        await transaction.CommitAsync();
        return TypedResults.Ok(UserView.From(user));
    }
}
