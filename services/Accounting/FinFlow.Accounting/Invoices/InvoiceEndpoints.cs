using FinFlow.ServiceDefaults.Authentication;
using System.Security.Claims;
using FinFlow.Accounting.Accounts;
using FinFlow.Accounting.Domain;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Hosting;
using FinFlow.Accounting.Ledger;
using FinFlow.Accounting.Payments;
using FinFlow.Contracts.Events;
using FinFlow.Data.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FinFlow.Accounting.Invoices;

/// <summary><c>/accounting/invoices</c>: create (one transaction: invoice, lines, journal entry, outbox), list, read and void own invoices.</summary>
public static class InvoiceEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/accounting/invoices").WithTags("Invoices").RequireAuthorization();
        group.MapPost("", CreateAsync);
        group.MapGet("", ListAsync).Produces<InvoicePage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:guid}", GetAsync).Produces<InvoiceResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/void", InvoiceVoiding.VoidAsync)
            .Produces<InvoiceResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<InvoiceResponse>, ValidationProblem, UnauthorizedHttpResult>> CreateAsync(
        CreateInvoiceRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!FinFlowUser.TryGetId(user, out var userId)) return TypedResults.Unauthorized();
        InvoiceDraft draft;
        try
        {
            draft = InvoiceDraft.From(request);
        }
        catch (DomainValidationException e)
        {
            return AccountingProblems.Validation(e.Errors);
        }

        var now = time.GetUtcNow();
        var createdAt = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds
        var invoiceId = Guid.CreateVersion7();
        var currency = draft.Amount.Currency;

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var accounts = await ChartOfAccounts.EnsureAsync(transaction, userId, currency, cancellationToken);
        var lines = new List<JournalLine> { JournalLine.Debit(accounts[AccountCodes.AccountsReceivable], draft.Amount) };
        if (draft.Net.IsPositive) lines.Add(JournalLine.Credit(accounts[AccountCodes.SalesRevenue], draft.Net));
        if (draft.Tax.IsPositive) lines.Add(JournalLine.Credit(accounts[AccountCodes.TaxPayable], draft.Tax));
        var entry = JournalEntry.Create(Guid.CreateVersion7(), userId, currency, createdAt, $"Invoice {invoiceId} to {Truncate(draft.Client)}", lines);

        await JournalWriter.PostAsync(transaction, entry, invoiceId: invoiceId, cancellationToken: cancellationToken);
        await InvoiceStore.InsertAsync(transaction, invoiceId, userId, draft, entry.Id, createdAt, cancellationToken);
        await OutboxWriter.EnqueueAsync(transaction, new InvoiceCreated(
            invoiceId, userId, draft.Client, draft.Amount.ToDecimal(), currency.Code, draft.DueDate, InvoiceStatus.Pending, createdAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var response = new InvoiceResponse(
            invoiceId, userId, draft.Client, draft.Amount.ToDecimal(), currency.Code, draft.DueDate, InvoiceStatus.Pending, 0m, createdAt,
            InvoiceStatusCodes.IsOverdue(InvoiceStatus.Pending, draft.DueDate, today));
        return TypedResults.Created($"/accounting/invoices/{invoiceId}", response);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken,
        string? status = null, int page = 1, int pageSize = 20, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        if (status is not null && !InvoiceStatusCodes.TryParse(status, out _))
        {
            return AccountingProblems.Field("status", "The status must be PENDING, PARTIALLY_PAID, PAID or VOID.");
        }

        if (page < 1) return AccountingProblems.Field("page", "The page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return AccountingProblems.Field("pageSize", $"The page size is between 1 and {MaxPageSize}.");

        var (rows, total) = await InvoiceStore.ListAsync(db, owner, status, page, pageSize, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new InvoicePage(rows.Select(r => r.ToResponse(today)).ToList(), page, pageSize, total));
    }

    private static async Task<IResult> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken, Guid? userId = null)
    {
        var denied = OwnerScope.TryResolve(user, userId, out var owner);
        if (denied is not null) return denied;
        var row = await InvoiceStore.GetAsync(db, id, owner, cancellationToken);
        if (row is null) return AccountingProblems.NotFound("The invoice");
        var payments = await PaymentStore.ForInvoiceAsync(db, owner, id, cancellationToken);
        return TypedResults.Ok(row.ToResponse(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) with { Payments = payments });
    }

    private static string Truncate(string client) => client.Length <= 100 ? client : client[..100];
}
