using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>The network whose territory the public pages present: the first one created (one per community of communes).</summary>
public static class Territory
{
    public static Task<int?> NetworkIdAsync(AppDbContext db, CancellationToken ct) =>
        db.Networks.AsNoTracking().OrderBy(n => n.Id).Select(n => (int?)n.Id).FirstOrDefaultAsync(ct);
}
