using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The size of the network for the observatory: profiles visible to members, listings open on a date.</summary>
public sealed class DirectorySizes(AppDbContext db)
{
    public Task<int> VisibleProfilesAsync(CancellationToken ct) =>
        db.Profiles().AsNoTracking().VisibleTo(Audience.AllMembers).CountAsync(ct);

    public Task<int> OpenListingsAsync(DateOnly day, CancellationToken ct)
    {
        var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return db.Listings().AsNoTracking().OpenTo(Audience.AllMembers, day).CountAsync(l => l.CreatedAtUtc < endOfDay, ct);
    }
}
