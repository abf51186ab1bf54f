using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>
/// Where a staff member reaches invoices: the networks they manage, the sites they host and those sites' networks.
/// <see cref="IsStaff"/> is false for everyone else.
/// </summary>
public sealed record InvoiceReach(IReadOnlyList<int> ManagedNetworks, IReadOnlyList<int> HostedSites, IReadOnlyList<int> HostedNetworks)
{
    public bool IsStaff => ManagedNetworks.Count > 0 || HostedSites.Count > 0;

    /// <summary>The networks whose invoices may be paid: managed ones, and those of the sites hosted.</summary>
    public IReadOnlyList<int> PayableNetworks => [.. ManagedNetworks.Union(HostedNetworks)];
}

/// <summary>
/// What staff may do with invoices (ADR 0029). A manager reads and takes payments on every invoice of the networks they
/// manage. A host reads (search, PDF) only the invoices that concern a site they host — a booking there charged on it,
/// a carnet or subscription of the site sold on it, an event of the site charged on it, a walk-in's pass there — and
/// takes a payment on any invoice of those sites' networks, found by its exact number or id, learning only what remains
/// due (taking one does not make an invoice readable). Built on the person's <see cref="StaffReach"/>.
/// </summary>
public sealed class InvoiceAccess(AppDbContext db, CurrentUser me, IEnumerable<IInvoicesOfSites> others)
{
    public async Task<InvoiceReach> ReachAsync(CancellationToken ct)
    {
        var reach = await me.ReachAsync(ct);
        return new InvoiceReach(reach.ManagedNetworkIds, reach.HostedSiteIds, reach.HostedNetworkIds);
    }

    /// <summary>The invoices and credit notes the person may read.</summary>
    public IQueryable<Invoice> Readable(InvoiceReach reach)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var managed = reach.ManagedNetworks;
        if (reach.HostedSites.Count == 0)
        {
            return db.Invoices.Where(i => managed.Contains(i.NetworkId));
        }
        var networks = reach.HostedNetworks;
        var concerning = Concerning(reach.HostedSites);
        return db.Invoices.Where(i => managed.Contains(i.NetworkId) || (networks.Contains(i.NetworkId) && concerning.Contains(i.Id)));
    }

    /// <summary>The invoices (not credit notes) the person may take a payment on.</summary>
    public IQueryable<Invoice> Payable(InvoiceReach reach)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var networks = reach.PayableNetworks;
        return db.Invoices.Where(i => networks.Contains(i.NetworkId) && i.Kind == InvoiceKind.Invoice);
    }

    /// <summary>
    /// Ids of the invoices that concern one of <paramref name="sites"/>, each read by site: what the invoice charges
    /// happened or was sold there (a booking, a carnet or subscription, an event, a walk-in's pass). The managers' list
    /// filters by site with it too (ADR 0037).
    /// </summary>
    public IQueryable<int> Concerning(IReadOnlyList<int> sites) =>
        others.Aggregate(Billed(sites), (ids, other) => ids.Concat(other.InvoiceIds(sites)));

    private IQueryable<int> Billed(IReadOnlyList<int> sites) =>
        db.Bookings.Where(b => sites.Contains(b.SiteId)).Join(db.InvoicedBookings, b => b.Id, x => x.BookingId, (b, x) => x.InvoiceId)
            .Concat(db.Entitlements.Where(e => sites.Contains(e.SiteId)).Select(e => e.InvoiceId))
            .Concat(db.EventRegistrations.Where(r => sites.Contains(r.Event!.SiteId))
                .Join(db.InvoicedRegistrations, r => r.Id, x => x.RegistrationId, (r, x) => x.InvoiceId));
}
