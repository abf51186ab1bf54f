using System.Globalization;
using Cotravail.Web.Common.Security;
using System.Security.Claims;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.FacturX;
using Cotravail.Web.Features.Billing.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Api;

/// <summary>
/// Members read their invoices; managers search the invoices of their networks, hosts those that concern their sites
/// (<see cref="InvoiceAccess"/>, ADR 0029). Each invoice is also its Factur-X XML, and managers take a period's Factur-X
/// PDFs of a network in one zip (ADR 0054).
/// </summary>
internal static class InvoicesApi
{
    public static void MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me/invoices").WithTags("Facturation").RequireAuthorization(AccountsModule.ApiPolicy);
        me.MapGet("/", MineAsync).WithName("MyInvoices").WithSummary("My invoices and credit notes, newest first.");
        me.MapGet("/{id:int}/pdf", MyPdfAsync).WithName("MyInvoicePdf").WithSummary("One of my invoices as PDF (Factur-X, PDF/A-3).");
        me.MapGet("/{id:int}/facturx", MyFacturXAsync).WithName("MyInvoiceFacturX")
            .WithSummary("One of my invoices as Factur-X XML (UN/CEFACT CII D22B, profile EN 16931).");
        app.MapGet("/api/v1/me/balance", async (CurrentUser me, Balances balances, CancellationToken ct) =>
                TypedResults.Ok(new { dueCents = await balances.MemberAsync(me.RequiredId, ct) }))
            .RequireAuthorization(AccountsModule.ApiPolicy).WithTags("Facturation").WithName("MyBalance")
            .WithSummary("What I still have to pay, in euro cents.");

        var staff = app.MapGroup("/api/v1/invoices").WithTags("Facturation").RequireAuthorization(AccountsModule.ApiPolicy);
        staff.MapGet("/", SearchAsync).WithName("SearchInvoices")
            .WithSummary("Managers: invoices of their networks; hosts: those that concern their sites. By issue date (from, to), number or client (q) and status (paid, partlyPaid, unpaid, overdue, credited).");
        staff.MapGet("/{id:int}/pdf", StaffPdfAsync).WithName("InvoicePdf")
            .WithSummary("An invoice as PDF (Factur-X EN 16931, PDF/A-3 carrying factur-x.xml); same readers as the search.");
        staff.MapGet("/{id:int}/facturx", StaffFacturXAsync).WithName("InvoiceFacturX")
            .WithSummary("An invoice as Factur-X XML (UN/CEFACT CII D22B, profile EN 16931); same readers as its PDF.");
        staff.MapGet("/facturx.zip", ArchiveAsync).WithName("InvoicesFacturXZip")
            .WithSummary("Managers of the network: the Factur-X PDFs of its invoices and credit notes issued from « from » to « to » (a year at most), in a zip.");
    }

    private static async Task<Ok<List<InvoiceDto>>> MineAsync(CurrentUser me, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var id = me.Id;
        var list = await db.Invoices.AsNoTracking().Where(i => i.UserId == id).WithAmounts(db)
            .OrderByDescending(r => r.Invoice.IssuedAtUtc).ThenByDescending(r => r.Invoice.Id).Take(500).ToListAsync(ct);
        var today = Entitlements.ParisDay.Today(clock);
        return TypedResults.Ok(list.Select(r => InvoiceDto.From(r, today, $"/api/v1/me/invoices/{r.Invoice.Id}/pdf")).ToList());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> MyPdfAsync(int id, CurrentUser me, AppDbContext db, CancellationToken ct)
    {
        var userId = me.Id;
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id && i.UserId == userId, ct);
        return invoice is null ? TypedResults.NotFound() : Pdf(invoice);
    }

    private static async Task<Results<Ok<List<InvoiceDto>>, ForbidHttpResult, ValidationProblem>> SearchAsync(
        Day? from, Day? to, string? q, string? status, InvoiceAccess access, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var reach = await access.ReachAsync(ct);
        if (!reach.IsStaff)
        {
            return TypedResults.Forbid();
        }
        InvoiceStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status) && (wanted = InvoiceStatusRule.FromApiName(status)) is null)
        {
            return ApiProblems.Invalid("status", $"État inconnu : choisissez parmi {InvoiceStatusRule.ApiNames}.");
        }
        var today = Entitlements.ParisDay.Today(clock);
        var query = access.Readable(reach).AsNoTracking();
        if (from?.Date is { } s)
        {
            query = query.Where(i => i.IssueDate >= s);
        }
        if (to?.Date is { } e)
        {
            query = query.Where(i => i.IssueDate <= e);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(i => i.Number.ToUpper().Contains(term) || i.ClientName.ToUpper().Contains(term));
        }
        var rows = query.WithAmounts(db);
        if (wanted is { } only)
        {
            rows = rows.WhereStatus(only, today);
        }
        var list = await rows.OrderByDescending(r => r.Invoice.Year).ThenByDescending(r => r.Invoice.Sequence).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => InvoiceDto.From(r, today, $"/api/v1/invoices/{r.Invoice.Id}/pdf")).ToList());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> StaffPdfAsync(
        int id, InvoiceAccess access, CancellationToken ct)
    {
        var invoice = await access.Readable(await access.ReachAsync(ct)).AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, ct);
        return invoice is null ? TypedResults.NotFound() : Pdf(invoice);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> MyFacturXAsync(int id, CurrentUser me, AppDbContext db, CancellationToken ct)
    {
        var userId = me.Id;
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id && i.UserId == userId, ct);
        return invoice is null ? TypedResults.NotFound() : Xml(invoice);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> StaffFacturXAsync(int id, InvoiceAccess access, CancellationToken ct)
    {
        var invoice = await access.Readable(await access.ReachAsync(ct)).AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, ct);
        return invoice is null ? TypedResults.NotFound() : Xml(invoice);
    }

    private static async Task<Results<FileStreamHttpResult, ForbidHttpResult, ValidationProblem>> ArchiveAsync(
        Day? from, Day? to, int? networkId, InvoiceAccess access, AppDbContext db, CancellationToken ct)
    {
        var reach = await access.ReachAsync(ct);
        if (reach.ManagedNetworks.Count == 0)
        {
            return TypedResults.Forbid();
        }
        if (networkId is not { } network)
        {
            return ApiProblems.Invalid("networkId", "Le réseau est obligatoire (networkId).");
        }
        if (!reach.ManagedNetworks.Contains(network))
        {
            return TypedResults.Forbid();
        }
        if (from is null || to is null)
        {
            return ApiProblems.Invalid(from is null ? "from" : "to", Day.Required);
        }
        if (!DayRange.TryCreate(from.Value.Date, to.Value.Date, out var period, out var problem, FacturXArchive.MaxDays, "un an"))
        {
            return ApiProblems.Invalid(DayRange.EndField, problem);
        }
        var zip = await FacturXArchive.WriteAsync(db, network, period.From, period.To, ct);
        return TypedResults.File(zip, "application/zip",
            string.Create(CultureInfo.InvariantCulture, $"factur-x-{network}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.zip"));
    }

    internal static FileContentHttpResult Xml(Invoice invoice) =>
        TypedResults.File(FacturXml.Write(invoice), "application/xml", $"{invoice.Number}-factur-x.xml");

    internal static FileContentHttpResult Pdf(Invoice invoice) =>
        TypedResults.File(InvoicePdf.Render(invoice), "application/pdf", $"{invoice.Number}.pdf");
}
