using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Welcome;

/// <summary>« Venir travailler dans la vallée »: the territory's assets, the spaces and their prices, the agenda, testimonies.</summary>
public sealed class IndexModel(AppDbContext db, AgendaQuery agenda) : PageModel
{
    public const int AgendaSize = 5;

    public IReadOnlyList<TerritorySection> Sections { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public ILookup<int, Product> Products { get; private set; } = Array.Empty<Product>().ToLookup(p => p.SiteId);
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<Testimony> Testimonies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var networkId = await Territory.NetworkIdAsync(db, ct);
        Sections = await db.Set<TerritorySection>().AsNoTracking().Where(s => s.NetworkId == networkId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        Sites = (await SiteQueries.ListPublicAsync(db, ct)).Where(s => s.NetworkId == networkId).ToList();
        var siteIds = Sites.Select(s => s.Id).ToList();
        Products = (await db.Products.AsNoTracking().Where(p => siteIds.Contains(p.SiteId) && !p.IsArchived)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct)).ToLookup(p => p.SiteId);
        Events = (await agenda.ListAsync(new AgendaFilter(), [], ct)).Where(e => siteIds.Contains(e.SiteId)).Take(AgendaSize).ToList();
        Testimonies = await db.Set<Testimony>().AsNoTracking()
            .Where(t => t.NetworkId == networkId && t.Status == TestimonyStatus.Published)
            .OrderByDescending(t => t.PublishedAtUtc).ThenByDescending(t => t.Id).Take(12).ToListAsync(ct);
    }
}
