using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FinFlow.Benchmarks;

/// <summary>
/// <c>POST /accounting/invoices</c> at fixed concurrency: two lines with 20 % tax, so each call is one transaction
/// with the invoice, two invoice lines, a three-line journal entry (Dr receivable / Cr revenue / Cr tax), the
/// daily-total upserts and an outbox row.
/// </summary>
public sealed class AccountingInvoiceLoad(AccountingHost host, BenchmarkOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    // 2 × 50.00 and 1 × 30.00, both taxed at 20 %: amount 156.00 = net 130.00 + tax 26.00.
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
        {"client":"Benchmark Client Ltd","amount":156.00,"currency":"USD","dueDate":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}}",
         "lines":[{"description":"Consulting hours","quantity":2,"unitPrice":50.00,"taxRate":0.2},
                  {"description":"Travel","quantity":1,"unitPrice":30.00,"taxRate":0.2}]}
        """));

    private long _created;

    /// <summary>Invoices created so far by this load, warm-ups included (each wrote one outbox row).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Every worker its own user: no two transactions touch the same account rows.</summary>
    public Task<LatencyStats> DistinctUsersAsync(CancellationToken cancellationToken) => RunAsync(
        $"invoice create: {options.Concurrency} users, 1 per worker",
        Enumerable.Range(0, options.Concurrency).Select(_ => Guid.NewGuid()).ToArray(),
        options,
        cancellationToken);

    /// <summary>Every worker the same user: all transactions update the same receivable, revenue and tax rows of today.</summary>
    public Task<LatencyStats> SharedUserAsync(CancellationToken cancellationToken)
    {
        var user = Guid.NewGuid();
        return RunAsync($"invoice create: 1 user shared by {options.Concurrency}", Enumerable.Repeat(user, options.Concurrency).ToArray(), options, cancellationToken);
    }

    /// <summary>Load that is not measured at all: a warm-up for the app as a whole, before the first scenario.</summary>
    public async Task WarmUpAsync(TimeSpan duration, CancellationToken cancellationToken) => await RunAsync(
        "app warm-up", Enumerable.Range(0, options.Concurrency).Select(_ => Guid.NewGuid()).ToArray(),
        options with { Warmup = TimeSpan.Zero, Duration = duration }, cancellationToken);

    /// <summary>One invoice for <paramref name="userId"/>: seeds the user's chart of accounts on first use.</summary>
    public Task CreateOneAsync(Guid userId, CancellationToken cancellationToken) => CreateAsync(host.Tokens.Issue(userId), cancellationToken);

    private async Task<LatencyStats> RunAsync(string name, Guid[] userPerWorker, BenchmarkOptions phases, CancellationToken cancellationToken)
    {
        var tokens = userPerWorker.Select(host.Tokens.Issue).ToArray();
        return await LoadRunner.RunAsync(
            name, phases, (worker, _, token) => CreateAsync(tokens[worker], token), cancellationToken: cancellationToken);
    }

    private async Task CreateAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "accounting/invoices") { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await host.Http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"POST /accounting/invoices answered {(int)response.StatusCode}: {problem}");
        }

        Interlocked.Increment(ref _created);
    }
}
