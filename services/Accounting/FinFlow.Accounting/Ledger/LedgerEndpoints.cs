using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;
using Dapper;
using FinFlow.Accounting.Accounts;
using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Hosting;
using Npgsql;

namespace FinFlow.Accounting.Ledger;

/// <summary><c>POST /accounting/ledger-entry</c> (manual entries) and <c>GET /accounting/ledger</c> (the journal, paged).</summary>
public static class LedgerEndpoints
{
    public const int MaxPageSize = 100;

    private const string InvoiceCurrencySql = "SELECT currency FROM invoices WHERE id = @Id AND user_id = @Owner";

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/accounting").WithTags("Ledger").RequireAuthorization();
        group.MapPost("/ledger-entry", CreateAsync)
            .Produces<JournalEntryView>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/ledger", ListAsync)
            .Produces<LedgerPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/ledger/{id:guid}", GetAsync)
            .Produces<JournalEntryView>().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> CreateAsync(
        ManualEntryRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var owner)) return TypedResults.Unauthorized();
        ManualEntryDraft draft;
        try
        {
            draft = ManualEntryDraft.From(request);
        }
        catch (DomainValidationException e)
        {
            return AccountingProblems.Validation(e.Errors);
        }

        var currency = draft.Amount.Currency;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (draft.InvoiceId is { } invoiceId)
        {
            var invoiceCurrency = await connection.QuerySingleOrDefaultAsync<string>(
                new CommandDefinition(InvoiceCurrencySql, new { Id = invoiceId, Owner = owner }, transaction, cancellationToken: cancellationToken));
            if (invoiceCurrency is null) return AccountingProblems.Field("invoiceId", "No such invoice among yours.");
            if (invoiceCurrency.Trim() != currency.Code) return AccountingProblems.Field("currency", $"The invoice is in {invoiceCurrency.Trim()}.");
        }

        var accounts = await ChartOfAccounts.EnsureAsync(transaction, owner, currency, cancellationToken);
        var entry = JournalEntry.Create(
            Guid.CreateVersion7(), owner, currency, time.GetUtcNow(), draft.Memo ?? "Manual entry",
            [JournalLine.Debit(accounts[draft.DebitCode], draft.Amount), JournalLine.Credit(accounts[draft.CreditCode], draft.Amount)]);
        await JournalWriter.PostAsync(transaction, entry, draft.Date, draft.InvoiceId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var view = await LedgerStore.GetAsync(db, owner, entry.Id, cancellationToken);
        return TypedResults.Created($"/accounting/ledger/{entry.Id}", view);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? account = null, int page = 1, int pageSize = 20, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        DateOnly? fromDate = null, toDate = null;
        if (from is not null)
        {
            if (!QueryDates.TryParse(from, out var parsed)) return AccountingProblems.Field("from", "Use yyyy-MM-dd.");
            fromDate = parsed;
        }

        if (to is not null)
        {
            if (!QueryDates.TryParse(to, out var parsed)) return AccountingProblems.Field("to", "Use yyyy-MM-dd.");
            toDate = parsed;
        }

        if (fromDate > toDate) return AccountingProblems.Field("to", "The end date is before the start date.");
        if (account is not null && !ChartOfAccounts.Codes.Contains(account, StringComparer.Ordinal))
        {
            return AccountingProblems.Field("account", $"Unknown account '{account}'.");
        }

        if (page < 1) return AccountingProblems.Field("page", "The page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return AccountingProblems.Field("pageSize", $"The page size is between 1 and {MaxPageSize}.");
        return TypedResults.Ok(await LedgerStore.ListAsync(db, owner, new LedgerQuery(fromDate, toDate, account), page, pageSize, cancellationToken));
    }

    private static async Task<IResult> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        var entry = await LedgerStore.GetAsync(db, owner, id, cancellationToken);
        return entry is null ? AccountingProblems.NotFound("The journal entry") : TypedResults.Ok(entry);
    }
}
