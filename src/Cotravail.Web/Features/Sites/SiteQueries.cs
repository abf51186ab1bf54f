using System.Linq.Expressions;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

internal static class SiteQueries
{
    /// <summary>An open (not archived) site with its network, resources, hours and closures, read-only.</summary>
    public static Task<Site?> LoadPublicAsync(AppDbContext db, Expression<Func<Site, bool>> match, CancellationToken ct) =>
        db.Sites.AsNoTracking().AsSplitQuery()
            .Include(s => s.Network)
            .Include(s => s.Resources)
            .Include(s => s.OpeningHours)
            .Include(s => s.Closures)
            .Where(s => !s.IsArchived)
            .FirstOrDefaultAsync(match, ct);

    public static Task<List<Site>> ListPublicAsync(AppDbContext db, CancellationToken ct) =>
        db.Sites.AsNoTracking().AsSplitQuery()
            .Include(s => s.Network)
            .Include(s => s.Resources)
            .Include(s => s.OpeningHours)
            .Where(s => !s.IsArchived)
            .OrderBy(s => s.Name)
            .ToListAsync(ct);
}
