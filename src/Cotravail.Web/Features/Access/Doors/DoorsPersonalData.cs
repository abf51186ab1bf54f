using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>The codes sent to the locks for a person: exported; on erasure the grants lose the person (the lock loses the codes as their bookings are cancelled).</summary>
public sealed class DoorsPersonalData(AppDbContext db) : IPersonalData
{
    private sealed record Row(int SiteId, string Kind, string Code, DateTime FromUtc, DateTime UntilUtc, string State);

    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rows = await db.Set<DoorGrant>().AsNoTracking().Where(g => g.UserId == subject.UserId).OrderBy(g => g.FromUtc)
            .Select(g => new { g.SiteId, g.Kind, g.Code, g.FromUtc, g.UntilUtc, g.State }).ToListAsync(ct);
        return [PersonalDataSet.Of("codes_porte", "Codes de porte", rows.Select(r => new Row(r.SiteId, r.Kind.ToString(), r.Code, r.FromUtc, r.UntilUtc, r.State.ToString())))];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await db.Set<DoorGrant>().Where(g => g.UserId == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(g => g.UserId, (string?)null), ct);
    }
}
