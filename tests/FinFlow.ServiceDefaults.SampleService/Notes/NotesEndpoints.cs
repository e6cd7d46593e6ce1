using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FinFlow.ServiceDefaults.SampleService.Notes;

public static class NotesEndpoints
{
    private const string InsertSql = """
        INSERT INTO notes (id, text, amount) VALUES (@Id, @Text, @Amount)
        ON CONFLICT (text) DO NOTHING
        RETURNING id, text, amount, created_at AS createdAt
        """;

    private const string SelectSql = "SELECT id, text, amount, created_at AS createdAt FROM notes WHERE id = @Id";

    public static IEndpointRouteBuilder MapNotesEndpoints(this IEndpointRouteBuilder routes)
    {
        var notes = routes.MapGroup("/notes").RequireAuthorization().WithTags("Notes");
        notes.MapPost("/", CreateAsync);
        notes.MapGet("/{id:guid}", GetAsync);
        notes.MapDelete("/{id:guid}", () => TypedResults.NoContent()).RequireAuthorization(policy => policy.RequireRole("ADMIN"));
        routes.MapGet("/boom", string () => throw new InvalidOperationException("connection string Password=hunter2 leaked"))
            .AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Created<Note>, Conflict>> CreateAsync(CreateNoteRequest request, NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var note = await connection.QuerySingleOrDefaultAsync<Note>(InsertSql, new { Id = Guid.CreateVersion7(), request.Text, request.Amount });
        return note is null ? TypedResults.Conflict() : TypedResults.Created($"/notes/{note.Id}", note);
    }

    private static async Task<Results<Ok<Note>, NotFound>> GetAsync(Guid id, NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var note = await connection.QuerySingleOrDefaultAsync<Note>(SelectSql, new { Id = id });
        return note is null ? TypedResults.NotFound() : TypedResults.Ok(note);
    }
}
