using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.ServiceDefaults.Tests;

public class ProblemDetailsTests(SampleServiceFixture sample) : IClassFixture<SampleServiceFixture>
{
    [Fact]
    public async Task Invalid_fields_give_400_naming_each_field()
    {
        var response = await Client("USER").PostAsJsonAsync("/notes", new { text = "", amount = -5 });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        // Keys follow the JSON the client sent (camelCase), not the C# property names.
        Assert.True(errors.TryGetProperty("text", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("amount", out _), errors.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_valid_json_for_the_endpoint_gives_400_naming_the_field()
    {
        using var content = new StringContent("""{"text":"lunch","amount":"twelve"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await Client("USER").PostAsync("/notes", content);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _), problem.ToString());
    }

    [Fact]
    public async Task A_missing_resource_gives_404_problem_details()
    {
        var response = await Client("USER").GetAsync($"/notes/{Guid.NewGuid()}");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_conflict_gives_409_problem_details()
    {
        var client = Client("USER");
        var text = $"note-{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/notes", new { text, amount = 12.50m })).StatusCode);

        var response = await client.PostAsJsonAsync("/notes", new { text, amount = 12.50m });

        await ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task No_credentials_give_401_and_a_wrong_role_gives_403()
    {
        await ProblemAsync(await Client(null).GetAsync($"/notes/{Guid.NewGuid()}"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await Client("USER").DeleteAsync($"/notes/{Guid.NewGuid()}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await Client("ADMIN").DeleteAsync($"/notes/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_unhandled_exception_gives_500_without_internals()
    {
        var response = await Client(null).GetAsync("/boom");

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.ToString();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    private HttpClient Client(string? role)
    {
        var client = sample.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Add("X-Sample-Role", role);
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
        return problem;
    }
}
