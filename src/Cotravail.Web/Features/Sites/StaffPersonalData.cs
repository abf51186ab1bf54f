using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

/// <summary>The sites a person staffs, the networks they manage and those they belong to. On deletion these end.</summary>
internal sealed class StaffPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var hosted = await db.SiteHosts.AsNoTracking().Where(h => h.UserId == subject.UserId)
            .Select(h => new RoleRow("accueil", h.Site!.Name)).ToListAsync(ct);
        var managed = await db.NetworkManagers.AsNoTracking().Where(m => m.UserId == subject.UserId)
            .Select(m => new RoleRow("gestion", m.Network!.Name)).ToListAsync(ct);
        var member = await db.Set<NetworkMember>().AsNoTracking().Where(m => m.UserId == subject.UserId)
            .Join(db.Networks, m => m.NetworkId, n => n.Id, (m, n) => new { n.Name, m.SinceUtc }).ToListAsync(ct);
        return [PersonalDataSet.Of("roles", "Rôles dans les espaces et réseaux",
            hosted.Concat(managed).Concat(member.Select(m => new RoleRow("membre depuis le " + m.SinceUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.Name))))];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        await db.SiteHosts.Where(h => h.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.NetworkManagers.Where(m => m.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.Set<NetworkMember>().Where(m => m.UserId == subject.UserId).ExecuteDeleteAsync(ct);
    }

    private sealed record RoleRow(string Role, string Lieu);
}
