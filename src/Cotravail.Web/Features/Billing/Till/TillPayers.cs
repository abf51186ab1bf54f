using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Companies;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Till;

public enum PayerKind
{
    Person,
    Company,
}

/// <summary>Someone who may owe the network money: a member's account or a company account.</summary>
public sealed record Payer(PayerKind Kind, string? UserId, int? CompanyId, string Name, string? Email);

/// <summary>A search result at the till: the payer and what they owe the network.</summary>
public sealed record PayerMatch(Payer Payer, int DueCents);

/// <summary>An invoice still (partly) due, as the till lists it.</summary>
public sealed record OpenInvoice(int Id, string Number, DateOnly IssueDate, int TotalCents, int DueCents);

/// <summary>
/// Whom the till of a site finds by name (accents and case ignored, <see cref="NameSearch"/>): the people of the site's
/// network (ADR 0025) and those billed there, and the network's companies; and what each owes there — invoices of this
/// network only, oldest first. Nobody of another network is found or named, whatever id is sent.
/// </summary>
public sealed class TillPayers(AppDbContext db, NetworkMembership membership, Balances balances)
{
    public const int MaxMatches = 20;

    public async Task<IReadOnlyList<PayerMatch>> SearchAsync(Site site, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var key = NameSearch.Key(text);
        if (key.Length < NameSearch.MinLength)
        {
            return [];
        }
        var people = await (await PeopleAsync(site, ct)).AsNoTracking().Where(u => u.NameKey.Contains(key))
            .OrderBy(u => u.NameKey).Take(MaxMatches)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var owners = await db.Invoices.AsNoTracking().Where(i => i.NetworkId == site.NetworkId && i.UserId != null && ids.Contains(i.UserId))
            .Select(i => new { i.Id, i.UserId }).ToListAsync(ct);
        var dues = await balances.DueAsync(db.Invoices.Where(i => i.NetworkId == site.NetworkId && i.UserId != null && ids.Contains(i.UserId)), ct);
        var found = people.Select(p => new PayerMatch(new Payer(PayerKind.Person, p.Id, null, $"{p.FirstName} {p.LastName}".Trim(), p.Email),
            owners.Where(o => o.UserId == p.Id).Sum(o => dues.GetValueOrDefault(o.Id)))).ToList();
        // A network has tens of companies, not thousands: their names are matched here.
        var companies = (await db.Companies.AsNoTracking().Where(c => c.NetworkId == site.NetworkId).ToListAsync(ct))
            .Where(c => NameSearch.Key(c.Name).Contains(key, StringComparison.Ordinal)).Take(MaxMatches).ToList();
        foreach (var company in companies)
        {
            var due = (await balances.DueAsync(CompanyInvoices(site.NetworkId, company), ct)).Values.Sum();
            found.Add(new PayerMatch(new Payer(PayerKind.Company, null, company.Id, company.Name, company.Email), due));
        }
        return [.. found.OrderByDescending(m => m.DueCents > 0).ThenBy(m => NameSearch.Key(m.Payer.Name), StringComparer.Ordinal).Take(MaxMatches)];
    }

    /// <summary>The person, when they belong to the site's network or were billed there.</summary>
    public async Task<Payer?> PersonAsync(Site site, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var user = await (await PeopleAsync(site, ct)).AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).FirstOrDefaultAsync(ct);
        return user is null ? null : new Payer(PayerKind.Person, user.Id, null, $"{user.FirstName} {user.LastName}".Trim(), user.Email);
    }

    /// <summary>The company, when it is one of the site's network.</summary>
    public async Task<Payer?> CompanyAsync(Site site, int companyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId && c.NetworkId == site.NetworkId, ct);
        return company is null ? null : new Payer(PayerKind.Company, null, company.Id, company.Name, company.Email);
    }

    /// <summary>The payer's invoices of the network with something still due, oldest first.</summary>
    public async Task<IReadOnlyList<OpenInvoice>> OpenInvoicesAsync(int networkId, Payer payer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payer);
        IQueryable<Invoice> invoices;
        if (payer.Kind == PayerKind.Company)
        {
            var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == payer.CompanyId && c.NetworkId == networkId, ct);
            if (company is null)
            {
                return [];
            }
            invoices = CompanyInvoices(networkId, company);
        }
        else
        {
            invoices = db.Invoices.Where(i => i.NetworkId == networkId && i.UserId == payer.UserId && i.Kind == InvoiceKind.Invoice);
        }
        var dues = await balances.DueAsync(invoices, ct);
        var rows = await invoices.AsNoTracking().Select(i => new { i.Id, i.Number, i.IssueDate, i.Year, i.Sequence, i.TotalInclTaxCents }).ToListAsync(ct);
        return [.. rows.Where(r => dues.GetValueOrDefault(r.Id) > 0)
            .OrderBy(r => r.IssueDate).ThenBy(r => r.Year).ThenBy(r => r.Sequence)
            .Select(r => new OpenInvoice(r.Id, r.Number, r.IssueDate, r.TotalInclTaxCents, dues[r.Id]))];
    }

    private IQueryable<Invoice> CompanyInvoices(int networkId, Company company) =>
        db.Invoices.Where(i => i.NetworkId == networkId && i.IsBusinessClient && i.ClientSiret == company.Siret && i.Kind == InvoiceKind.Invoice);

    /// <summary>The people of the network, and anyone with an invoice of it.</summary>
    private async Task<IQueryable<AppUser>> PeopleAsync(Site site, CancellationToken ct)
    {
        var people = await membership.PeopleOfAsync([site.NetworkId], ct);
        if (people is null)
        {
            return db.Users;
        }
        var billed = db.Invoices.Where(i => i.NetworkId == site.NetworkId && i.UserId != null).Select(i => i.UserId!);
        return db.Users.Where(u => people.Contains(u.Id) || billed.Contains(u.Id));
    }
}
