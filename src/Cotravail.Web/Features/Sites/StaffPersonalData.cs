using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites;

/// <summary>The sites a person staffs and the networks they manage. On deletion these roles end.</summary>
internal sealed class StaffPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var hosted = await db.SiteHosts.AsNoTracking().Where(h => h.UserId == subject.UserId)
            .Select(h => new RoleRow("accueil", h.Site!.Name)).ToListAsync(ct);
        var managed = await db.NetworkManagers.AsNoTracking().Where(m => m.UserId == subject.UserId)
            .Select(m => new RoleRow("gestion", m.Network!.Name)).ToListAsync(ct);
        return [PersonalDataSet.Of("roles", "Rôles dans les espaces et réseaux", hosted.Concat(managed))];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        await db.SiteHosts.Where(h => h.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.NetworkManagers.Where(m => m.UserId == subject.UserId).ExecuteDeleteAsync(ct);
    }

    private sealed record RoleRow(string Role, string Lieu);
}
