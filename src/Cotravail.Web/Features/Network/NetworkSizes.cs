using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The size of the network for the observatory: profiles visible to members, listings open on a date.</summary>
public sealed class NetworkSizes(AppDbContext db)
{
    public Task<int> VisibleProfilesAsync(CancellationToken ct) =>
        db.Profiles().AsNoTracking().VisibleTo(member: true).CountAsync(ct);

    public Task<int> OpenListingsAsync(DateOnly day, CancellationToken ct)
    {
        var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return db.Listings().AsNoTracking().OpenTo(member: true, day).CountAsync(l => l.CreatedAtUtc < endOfDay, ct);
    }
}
