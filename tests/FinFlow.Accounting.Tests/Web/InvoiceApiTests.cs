using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Accounting.Accounts;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>The invoice endpoints through the real app on real PostgreSQL: body shapes, the ledger posting, the outbox, errors and ownership.</summary>
[Collection(AccountingSuite.Name)]
public class InvoiceApiTests(AccountingFixture app)
{
    private static object Invoice(decimal amount = 120.50m, string currency = "USD", object[]? lines = null) =>
        new { client = "Acme Ltd", amount, currency, dueDate = "2030-01-31", lines };

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/accounting/invoices", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), errors.ToString()));
    }

    [Fact]
    public async Task Create_returns_the_invoice_posts_a_balanced_entry_and_writes_a_valid_outbox_event()
    {
        var user = Guid.NewGuid();
        var lines = new object[]
        {
            new { description = "Consulting", quantity = 2m, unitPrice = 50m, taxRate = 0.2m },
            new { description = "Travel", quantity = 1m, unitPrice = 0.50m },
        };
        var body = await CreatedAsync(app.Client(user), Invoice(120.50m, lines: lines));

        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(user, body.GetProperty("userId").GetGuid());
        Assert.Equal("Acme Ltd", body.GetProperty("client").GetString());
        Assert.Equal(120.50m, body.GetProperty("amount").GetDecimal());
        Assert.Equal("USD", body.GetProperty("currency").GetString());
        Assert.Equal("2030-01-31", body.GetProperty("dueDate").GetString());
        Assert.Equal("PENDING", body.GetProperty("status").GetString());
        Assert.Equal(0m, body.GetProperty("amountPaid").GetDecimal());
        Assert.True(body.TryGetProperty("createdAt", out _));

        var postings = await app.QueryAsync<(string Code, string Side, long Amount)>(
            """
            SELECT a.code, l.side, l.amount_minor FROM invoices i
              JOIN journal_lines l ON l.entry_id = i.journal_entry_id JOIN accounts a ON a.id = l.account_id
             WHERE i.id = @id ORDER BY a.code
            """, new { id });
        Assert.Equal([("1100", "D", 12050L), ("2100", "C", 2000L), ("4000", "C", 10050L)], postings);

        var payloads = await app.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE topic = 'invoice_created' AND payload->>'id' = @id", new { id = id.ToString() });
        var payload = Assert.Single(payloads);
        Assert.Empty(EventSchemaValidator.Validate("invoice_created", payload));
        Assert.Equal(ChartOfAccounts.Codes.Count, (await app.QueryAsync<long>("SELECT count(*) FROM accounts WHERE user_id = @user", new { user }))[0]);
    }

    [Fact]
    public async Task Concurrent_first_invoices_seed_one_chart_of_accounts()
    {
        var user = Guid.NewGuid();
        var client = app.Client(user);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/accounting/invoices", Invoice(10m, "EUR"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(ChartOfAccounts.Codes.Count, (await app.QueryAsync<long>("SELECT count(*) FROM accounts WHERE user_id = @user", new { user }))[0]);
    }

    [Theory]
    [InlineData("usd", 10.00, "currency")]
    [InlineData("XXX", 10.00, "currency")]
    [InlineData("USD", 10.005, "amount")]
    [InlineData("JPY", 1.5, "amount")]
    [InlineData("USD", -3, "amount")]
    public async Task Bad_currency_or_amount_is_a_400_naming_the_field(string currency, double amount, string field)
    {
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/accounting/invoices", Invoice((decimal)amount, currency));
        await AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task Lines_that_do_not_add_up_to_the_amount_are_a_400_naming_amount()
    {
        var lines = new object[] { new { description = "Work", quantity = 3m, unitPrice = 10m, taxRate = 0.1m } };
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/accounting/invoices", Invoice(30m, lines: lines));
        await AssertFieldErrorAsync(response, "amount");
    }

    [Fact]
    public async Task A_bad_due_date_and_a_too_precise_unit_price_are_field_errors()
    {
        var body = new { client = "Acme", amount = 1m, currency = "USD", dueDate = "31/01/2030", lines = new object[] { new { description = "x", quantity = 1m, unitPrice = 0.001m } } };
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/accounting/invoices", body);
        await AssertFieldErrorAsync(response, "dueDate", "lines[0].unitPrice");
    }

    [Fact]
    public async Task Ten_thousand_line_items_are_a_400_naming_lines()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => new { description = $"Item {i}", quantity = 1m, unitPrice = 1m }).ToArray<object>();
        var response = await app.Client(Guid.NewGuid()).PostAsJsonAsync("/accounting/invoices", Invoice(10_000m, lines: lines));
        await AssertFieldErrorAsync(response, "lines");
    }

    [Fact]
    public async Task Every_route_needs_a_token()
    {
        var anonymous = app.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/accounting/invoices", Invoice())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/accounting/invoices")).StatusCode);
        foreach (var path in new[] { $"/accounting/invoices/{Guid.NewGuid()}", "/accounting/ledger", "/accounting/trial-balance", "/accounting/reports/aging", "/accounting/reports/cash-flow", "/accounting/unmatched-payments" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/accounting/ledger-entry", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/accounting/invoices/{Guid.NewGuid()}/void", null)).StatusCode);
    }

    [Fact]
    public async Task Another_users_invoice_is_a_404_like_a_missing_one()
    {
        var owner = app.Client(Guid.NewGuid());
        var id = (await CreatedAsync(owner, Invoice())).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/accounting/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(Guid.NewGuid()).GetAsync($"/accounting/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/accounting/invoices/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Get_derives_overdue_from_the_due_date()
    {
        var owner = app.Client(Guid.NewGuid());
        var body = new { client = "Late Payer", amount = 5m, currency = "USD", dueDate = "2020-01-01" };
        var id = (await CreatedAsync(owner, body)).GetProperty("id").GetGuid();

        var invoice = await owner.GetFromJsonAsync<JsonElement>($"/accounting/invoices/{id}");
        Assert.True(invoice.GetProperty("overdue").GetBoolean());
        Assert.Equal("PENDING", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_shows_only_own_invoices_newest_first_and_pages()
    {
        var user = Guid.NewGuid();
        var mine = app.Client(user);
        var created = new List<Guid>();
        for (var i = 1; i <= 3; i++) created.Add((await CreatedAsync(mine, Invoice(i))).GetProperty("id").GetGuid());
        await CreatedAsync(app.Client(Guid.NewGuid()), Invoice());

        var page = await mine.GetFromJsonAsync<JsonElement>("/accounting/invoices?status=PENDING&page=1&pageSize=2");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([created[2], created[1]], ids);
        Assert.Equal(3, page.GetProperty("total").GetInt64());

        var all = await mine.GetFromJsonAsync<JsonElement>("/accounting/invoices");
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(user, i.GetProperty("userId").GetGuid()));
        await AssertFieldErrorAsync(await mine.GetAsync("/accounting/invoices?status=LOST"), "status");
    }
}
