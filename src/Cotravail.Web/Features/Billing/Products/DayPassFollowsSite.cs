using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing.Products;

/// <summary>When a site's day price changes, its first day pass takes that price (<see cref="ProductPrices.DayPassFollowsSiteAsync"/>).</summary>
public sealed class DayPassFollowsSite(AppDbContext db) : ISiteSaved
{
    public Task SiteSavedAsync(Site site, CancellationToken ct) => ProductPrices.DayPassFollowsSiteAsync(db, site, ct);
}
